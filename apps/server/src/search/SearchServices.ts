import type {
  GlossaryService,
  PageViewCounter,
  SearchAnalyticsService,
  SearchIndex,
  SearchIndexer,
  SearchService,
  SpaceStore,
} from '@lore/core';

/** Everything the search routes call, wired by `wireSearch`. */
export interface SearchServices {
  readonly engine: 'fts5' | 'postgres' | 'meilisearch';
  readonly index: SearchIndex;
  readonly indexer: SearchIndexer;
  readonly search: SearchService;
  readonly glossary: GlossaryService;
  readonly analytics: SearchAnalyticsService;
  /** For resolving space slugs in filters and presenting results. */
  readonly spaces: SpaceStore;
  /** Page opens, for the popularity boost. */
  readonly views: PageViewCounter;
}
