/** A person as search results name them. */
export interface SearchPerson {
  id: string;
  displayName: string;
  color: string;
}

/** Where a match sits in a text: UTF-16 offsets, `end` exclusive. */
export interface HighlightRange {
  start: number;
  end: number;
}

/**
 * One search result as `GET /api/search` presents it (the fields this app reads; the API also
 * sends the highlighted texts as HTML, which the app does not use).
 */
export interface SearchHit {
  pageId: string;
  shortId: string;
  /** Permanent link: `/s/<shortId>`. */
  url: string;
  title: string;
  /** The matches in `title`, sorted and non-overlapping. */
  titleHighlights: HighlightRange[];
  /** A plain-text excerpt around the best match; `… ` and ` …` mark text left out. */
  snippet: string;
  /** The matches in `snippet`, sorted and non-overlapping. */
  snippetHighlights: HighlightRange[];
  space: { id: string; slug: string; name: string };
  /** The space name, then the titles of the ancestor pages. */
  path: string[];
  updatedAt: string;
  updatedBy: SearchPerson | null;
}

/** The answer to `GET /api/search`. */
export interface SearchResponse {
  results: SearchHit[];
  /** Matching readable pages; a lower bound when `totalExact` is false. */
  total: number;
  totalExact: boolean;
  didYouMean: string | null;
  /** Sent back with `POST /api/search/clicks`; null when the search was not recorded. */
  searchId: string | null;
  tookMs: number;
}

/** A workspace glossary term. */
export interface GlossaryTerm {
  id: string;
  term: string;
  meaning: string;
  /** Other ways to say it; search treats them as synonyms. */
  expansions: string[];
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface GlossaryInput {
  term: string;
  meaning: string;
  expansions: string[];
}

/** How often one query was searched and how often its results were opened. */
export interface QueryStat {
  query: string;
  searches: number;
  clicks: number;
  clickThroughRate: number;
  /** Results of the latest such search. */
  results: number;
  lastSearchedAt: string;
}

/** The answer to `GET /api/admin/search-analytics`. */
export interface SearchAnalyticsReport {
  since: string;
  searches: number;
  searchesWithClicks: number;
  zeroResultSearches: number;
  clicks: number;
  clickThroughRate: number;
  topQueries: QueryStat[];
  zeroResultQueries: QueryStat[];
}
