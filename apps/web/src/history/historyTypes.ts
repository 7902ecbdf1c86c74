/** Why a revision was taken, as the versions API names it. */
export type RevisionKind = 'auto' | 'manual' | 'before-restore' | 'restore' | 'before-import';

/** Someone a history answer names, with the colour of their caret and avatar. */
export interface Person {
  id: string;
  displayName: string;
  /** `#rrggbb`. */
  color: string;
}

/** One saved state of a page, as `GET /api/pages/:id/revisions` lists it. */
export interface Revision {
  id: string;
  /** 1, 2, 3… per page. */
  number: number;
  kind: RevisionKind;
  name: string | null;
  note: string | null;
  /** The page title in this revision. */
  title: string;
  /** ISO 8601. */
  createdAt: string;
  /** Who saved or restored it; null for automatic ones. */
  createdBy: string | null;
  /** Ids of the people who edited since the previous revision. */
  contributors: string[];
  /** For a restore: the id of the revision brought back. */
  restoredFrom: string | null;
}

export interface RevisionPage {
  lastEdit: { by: string | null; at: string };
  revisions: Revision[];
  /** Pass as `before` for older revisions; null when there are none. */
  nextBefore: number | null;
  /** When unsaved edits become a revision by themselves, if there are any. */
  nextCaptureAt: string | null;
  people: Person[];
}

/** One revision with its content, rendered by the server. */
export interface RevisionContent {
  revision: Revision;
  title: string;
  /** Sanitized HTML of the body. */
  html: string;
  markdown: string;
  people: Person[];
}

export interface SavedRevision {
  revision: Revision;
  /** False when nothing changed since the latest revision, which was named instead. */
  created: boolean;
}

export interface RestoredRevision {
  /** The revision recording the restore. */
  revision: Revision;
  /** The revision keeping the replaced content; null when it was already kept. */
  before: Revision | null;
  changed: boolean;
  people: Person[];
}

/** One line of a Markdown line diff. */
export interface DiffLine {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  fromLine?: number;
  toLine?: number;
}

export interface PageDiff {
  /** Null stands for the current page. */
  from: Revision | null;
  to: Revision | null;
  title: { from: string; to: string; changed: boolean; html: string };
  /** The body as sanitized HTML with `ins.lore-diff-ins` and `del.lore-diff-del` marks. */
  html: string;
  markdown: DiffLine[];
  stats: { insertedWords: number; deletedWords: number; changed: boolean };
}

/** A stretch of text typed by one person; `author` is null when unknown (e.g. imported). */
export interface AuthoredRun {
  text: string;
  author: string | null;
}

export interface AuthoredBlock {
  /** paragraph, heading, codeBlock, horizontalRule… */
  type: string;
  level?: number;
  /** The containers around the block, outermost first (bulletList, listItem, blockquote…). */
  path: string[];
  runs: AuthoredRun[];
}

export interface PageAuthorship {
  title: AuthoredRun[];
  blocks: AuthoredBlock[];
  people: Person[];
}

/**
 * Which state of a page a comparison side or a selection points at: a revision id, or
 * `current` for the page as it is now.
 */
export type StateRef = string;

export const currentState: StateRef = 'current';
