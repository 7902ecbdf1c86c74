/** Why a revision was taken. */
export const revisionKinds = [
  'auto',
  'manual',
  'before-restore',
  'restore',
  'before-import',
] as const;
export type RevisionKind = (typeof revisionKinds)[number];

/** A JSON value, as page bodies (ProseMirror JSON) are made of. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** Keys holding undefined are left out, as `JSON.stringify` does. */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

/** A page's content at one moment: its title and its body as ProseMirror JSON (`type: 'doc'`). */
export interface PageState {
  readonly title: string;
  readonly body: JsonObject;
}

/** One remembered state of a page, with who and what led to it. */
export interface Revision {
  readonly id: string;
  readonly pageId: string;
  /** 1, 2, 3… per page, in the order revisions were taken ("version 12"). */
  readonly number: number;
  readonly kind: RevisionKind;
  readonly name: string | null;
  readonly note: string | null;
  /** The page title in this state, for lists. */
  readonly title: string;
  readonly createdAt: number;
  /** Who asked for it (save, restore, import); null when it was taken automatically. */
  readonly createdBy: string | null;
  /** Users whose edits went into this state since the previous revision. */
  readonly contributors: readonly string[];
  /** For a restore: the revision whose content was brought back. */
  readonly restoredFrom: string | null;
  /** SHA-256 of the state's canonical text (`encodePageState`); equal states share it. */
  readonly contentHash: string;
}
