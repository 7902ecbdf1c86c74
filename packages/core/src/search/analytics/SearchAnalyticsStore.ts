/** One recorded search (no user id is kept). */
export interface RecordedSearch {
  readonly id: string;
  readonly at: number;
  /** As typed, trimmed. */
  readonly query: string;
  /** Normalized words, for grouping ("Laptop?" and "laptop" are one query). */
  readonly normalized: string;
  readonly results: number;
}

export interface QueryStat {
  readonly query: string;
  readonly searches: number;
  readonly clicks: number;
  /** Searches followed by at least one click, divided by searches. */
  readonly clickThroughRate: number;
  readonly lastSearchedAt: number;
  /** Results of the most recent search. */
  readonly results: number;
}

export interface SearchTotals {
  readonly searches: number;
  readonly searchesWithClicks: number;
  readonly zeroResultSearches: number;
  readonly clicks: number;
}

/** Persistence of search analytics. */
export interface SearchAnalyticsStore {
  insertSearch(search: RecordedSearch): void;
  /** Replaces a search refined while typing; false when it no longer exists. */
  updateSearch(search: RecordedSearch): boolean;
  /** Records a click on a result; false when the search is unknown. */
  recordClick(click: { searchId: string; pageId: string; position: number; at: number }): boolean;
  /** Most frequent queries since `since`, grouped by their normalized form. */
  topQueries(since: number, limit: number): QueryStat[];
  /** Queries that found nothing since `since`, most frequent first: pages to write next. */
  zeroResultQueries(since: number, limit: number): QueryStat[];
  totals(since: number): SearchTotals;
  /** Every search since `since`, oldest first, with its click count. */
  searches(since: number): (RecordedSearch & { clicks: number })[];
  /** Deletes searches older than `before`; returns how many. */
  prune(before: number): number;
}
