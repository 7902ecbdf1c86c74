import type { Revision, RevisionKind } from './Revision';

/** A revision to append; the store numbers it. */
export interface NewRevision {
  readonly id: string;
  readonly pageId: string;
  readonly kind: RevisionKind;
  readonly name: string | null;
  readonly note: string | null;
  readonly title: string;
  readonly createdAt: number;
  readonly createdBy: string | null;
  readonly restoredFrom: string | null;
  readonly contributors: readonly string[];
  readonly contentHash: string;
  /**
   * The state's canonical text (`encodePageState`). Stored only when no revision of the page has
   * `contentHash` yet: identical states are kept once.
   */
  readonly contentText: string;
}

/** Edits of a page not yet taken into a revision. */
export interface PendingEdits {
  readonly pageId: string;
  readonly firstAt: number;
  readonly lastAt: number;
  readonly contributors: readonly string[];
}

export interface RevisionStorageStats {
  readonly revisions: number;
  /** Distinct states stored. */
  readonly states: number;
  /** Bytes the stored states take (compressed, deltas included). */
  readonly storedBytes: number;
  /** Bytes of the same states as canonical text, uncompressed and whole. */
  readonly textBytes: number;
}

/** Persistence of page history: revisions, their states, pending edits, client authorship. */
export interface RevisionStore {
  /** Appends a revision numbered after the page's last one and stores its state if new. */
  insertRevision(revision: NewRevision): Revision;
  findRevision(id: string): Revision | null;
  latestRevision(pageId: string): Revision | null;
  /** Newest first; only revisions numbered below `beforeNumber` when given. */
  listRevisions(pageId: string, options: { limit: number; beforeNumber?: number }): Revision[];
  /** Sets or clears (null) a revision's name and note; undefined leaves a field as it is. */
  updateRevision(
    id: string,
    changes: { readonly name?: string | null; readonly note?: string | null },
  ): Revision | null;
  /** The canonical text of a stored state; throws when the page has no such state. */
  readState(pageId: string, contentHash: string): string;

  /** Notes an edit at `at` (by `userId` when known) into the page's pending edits. */
  recordEdit(pageId: string, userId: string | null, at: number): void;
  pendingEdits(pageId: string): PendingEdits | null;
  listPendingEdits(): PendingEdits[];
  clearPendingEdits(pageId: string): void;

  /** Remembers which user the Yjs client ids belong to; a client id keeps its first user. */
  recordClientAuthors(pageId: string, clientIds: readonly number[], userId: string): void;
  clientAuthors(pageId: string): Map<number, string>;

  /** Runs `work` atomically against this store. */
  transaction<T>(work: () => T): T;
  storageStats(pageId: string): RevisionStorageStats;
}
