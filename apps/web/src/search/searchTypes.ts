/** A person as search results name them. */
export interface SearchPerson {
  id: string;
  displayName: string;
  color: string;
}

/** One search result as `GET /api/search` presents it. */
export interface SearchHit {
  pageId: string;
  shortId: string;
  /** Permanent link: `/s/<shortId>`. */
  url: string;
  title: string;
  /** The title, HTML-escaped, with matches in `<mark>`. */
  titleHtml: string;
  /** An excerpt around the best match, HTML-escaped, with matches in `<mark>`. */
  snippetHtml: string;
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
