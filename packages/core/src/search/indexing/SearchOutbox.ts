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

/** How a page's search entry went stale. */
export interface StaleEntry {
  /** Due at once (metadata, or a body change already debounced), not after the quiet time. */
  readonly urgent: boolean;
  /** The pages below it are stale too (a rename, a move, a trash changes their paths). */
  readonly cascade: boolean;
}

/**
 * Search's own queue of pages whose entry is stale, filled by the search consumer of the
 * domain-event outbox (and by search's view counter). Nothing is lost until `done` is called.
 */
export interface SearchOutbox {
  /** Queues pages for (re)indexing; a page already waiting takes the stronger flags. */
  mark(pageIds: readonly string[], stale: StaleEntry): void;
  /** Queues every page of a space (its name is part of every page's path). */
  markSpace(spaceId: string): void;
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
