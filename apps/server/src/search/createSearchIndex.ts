import type { SearchIndex } from '@lore/core';
import { Fts5SearchIndex } from '@lore/search-fts5';
import { MeilisearchSearchIndex } from '@lore/search-meilisearch';
import type { Db } from '@lore/store-sqlite';
import type { SearchConfig } from './searchConfig';

/** The configured engine's index: FTS5 in the Lore database, or a Meilisearch server. */
export function createSearchIndex(db: Db, config: SearchConfig): SearchIndex {
  if (config.engine === 'fts5') return new Fts5SearchIndex({ db });
  return new MeilisearchSearchIndex({
    url: config.url,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(config.indexUid ? { indexUid: config.indexUid } : {}),
  });
}
