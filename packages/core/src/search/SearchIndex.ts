import type { HighlightRange } from './HighlightRange';
import type { SearchDocument } from './SearchDocument';

/** Narrowing of a search; every given filter must hold. */
export interface SearchFilters {
  /** Only pages in one of these spaces. */
  readonly spaceIds?: readonly string[];
  /** Only pages one of these users created or edited. */
  readonly authorIds?: readonly string[];
  /** Only pages carrying every one of these tags (compared case-insensitively). */
  readonly tags?: readonly string[];
  /** Only pages updated at or after this time (ms since the epoch). */
  readonly updatedAfter?: number;
}

/** One search, as the domain hands it to an index. */
export interface SearchRequest {
  /** What the user typed. Any string is valid; the index never throws on it. */
  readonly text: string;
  /**
   * The spaces the searching user may read. The index applies this INSIDE the query, so hits,
   * totals, snippets and suggestions never reveal a page outside these spaces.
   */
  readonly readableSpaceIds: readonly string[];
  /**
   * Pages inside the readable spaces that the user may not read (page restrictions). Applied
   * inside the query like `readableSpaceIds`: they count nowhere. Absent: none.
   */
  readonly hiddenPageIds?: readonly string[];
  readonly filters?: SearchFilters;
  /** 1..100 */
  readonly limit: number;
  /** 0..1000 */
  readonly offset: number;
  /** "Now" for the recency boost (ms since the epoch); defaults to the current time. */
  readonly now?: number;
}

/**
 * One result. Texts are plain (never escaped or marked up); the words that matched the query
 * are given as ranges into them, for the presenter to render.
 */
export interface SearchHit {
  readonly pageId: string;
  readonly shortId: string;
  readonly spaceId: string;
  readonly title: string;
  /** The matches in `title`. */
  readonly titleHighlights: readonly HighlightRange[];
  /**
   * A short excerpt around the best match, or the start of the page, with `… ` before and
   * ` …` after where page text was left out.
   */
  readonly snippet: string;
  /** The matches in `snippet`. */
  readonly snippetHighlights: readonly HighlightRange[];
  readonly path: readonly string[];
  readonly updatedAt: number;
}

export interface SearchResults {
  readonly hits: readonly SearchHit[];
  /** Matching readable pages; a lower bound when `totalExact` is false. */
  readonly total: number;
  readonly totalExact: boolean;
  /** A corrected query that finds readable pages, when some words looked misspelled. */
  readonly didYouMean: string | null;
}

/** Words or phrases that mean the same thing, e.g. `['PTO', 'paid time off']`. */
export type SynonymGroup = readonly string[];

/**
 * A full-text index of pages. Implementations: `@lore/search-fts5` (embedded SQLite, default)
 * and `@lore/search-meilisearch`; both pass `searchIndexContract`.
 *
 * Query semantics, shared by every implementation: every significant word must match (stop
 * words such as "how" or "the" are ignored when other words remain); when that finds too few
 * pages, the most frequent words are dropped one by one and those pages follow. The last word
 * matches as a prefix while the user is still typing it; words of 5+ letters tolerate one typo,
 * 9+ letters two; `"…"` is a phrase; `-word` excludes. Title and heading matches rank above body
 * matches; recently edited and often viewed pages are boosted.
 */
export interface SearchIndex {
  /** Adds or replaces pages (by `pageId`). Resolves once they are searchable. */
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  /** Removes pages; unknown ids are ignored. */
  remove(pageIds: readonly string[]): Promise<void>;
  /** Removes every page. */
  clear(): Promise<void>;
  /**
   * Replaces every page with the ones given, batch by batch (`lore reindex`): faster than
   * `clear` and `upsert`. Searches meanwhile may see a partial index. Resolves to the number of
   * pages indexed.
   */
  rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<number>;
  /** Replaces the synonym groups (from the glossary). */
  setSynonyms(groups: readonly SynonymGroup[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchResults>;
  /** Number of indexed pages. */
  count(): Promise<number>;
  /** Releases resources; the index is unusable afterwards. */
  close(): Promise<void>;
}
