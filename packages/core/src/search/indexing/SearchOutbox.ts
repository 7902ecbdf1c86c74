/** A page waiting to be (re)indexed. */
export interface OutboxEntry {
  readonly pageId: string;
  /** The change counter when read; only that version is marked done. */
  readonly version: number;
  readonly attempts: number;
}

export interface DueOptions {
  /** Body edits wait until the page has been quiet this long (ms). */
  readonly quietMs: number;
  /** …but no longer than this after the first pending edit (ms). */
  readonly maxWaitMs: number;
  readonly limit: number;
}

/**
 * Pages whose search entry is stale, written in the same transaction as the change that made
 * it stale (ARCHITECTURE.md, invariant 2). Nothing is lost until `done` is called for it.
 */
export interface SearchOutbox {
  /**
   * Entries due now: metadata changes at once, body edits once quiet. Entries marked as
   * cascading (a rename, a trash, a move) first add the pages below them.
   */
  due(options: DueOptions): OutboxEntry[];
  /** Removes the entries, unless the page changed again meanwhile. */
  done(entries: readonly OutboxEntry[]): void;
  /** Keeps the entries for another try at `retryAt`. */
  failed(
    entries: readonly OutboxEntry[],
    error: string,
    retryAt: (attempts: number) => number,
  ): void;
  /** Entries waiting, due or not. */
  size(): number;
  /** Every entry right now (e.g. before a full rebuild, which makes them all done). */
  snapshot(): OutboxEntry[];
}
