import type { SearchIndex } from '@lore/core';
import { MeilisearchSearchIndex } from '@lore/search-meilisearch';
import type { Storage } from '../storage/Storage';
import type { SearchConfig } from './searchConfig';

/**
 * The configured engine's index: the one in the database (FTS5 in SQLite, full-text search in
 * PostgreSQL), or a Meilisearch server.
 */
export function createSearchIndex(storage: Storage, config: SearchConfig): SearchIndex {
  if (config.engine !== 'meilisearch') return storage.createSearchIndex();
  return new MeilisearchSearchIndex({
    url: config.url,
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
    ...(config.indexUid ? { indexUid: config.indexUid } : {}),
  });
}
