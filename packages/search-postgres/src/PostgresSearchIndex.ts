import {
  type SearchDocument,
  type SearchIndex,
  type SearchRequest,
  type SearchResults,
  type SynonymGroup,
  SynonymTable,
} from '@lore/core';
import type { PostgresDatabase } from '@lore/store-postgres';
import { PostgresDocumentWriter } from './PostgresDocumentWriter';
import { PostgresSearch } from './PostgresSearch';
import { rebuildPostgresIndex } from './rebuildPostgresIndex';

export interface PostgresSearchIndexOptions {
  /**
   * The Lore database, migrated by `migratePostgres` (its migration 0011 holds the index's
   * tables). The index may share the connection with the stores.
   */
  readonly db: PostgresDatabase;
  /**
   * Most matches ranked by BM25 per query. Queries matching more pages rank the most recently
   * indexed title and heading matches, then body matches, keeping common words fast.
   * Default 400.
   */
  readonly rankLimit?: number;
}

/**
 * The search index on PostgreSQL full-text search, for several Lore processes sharing one
 * database: pages as weighted tsvectors under a GIN index, a vocabulary with a trigram index for
 * typos and suggestions, and the query planning and ranking the embedded index uses (see
 * docs/search.md), so both engines answer alike.
 */
export class PostgresSearchIndex implements SearchIndex {
  readonly #writer: PostgresDocumentWriter;
  readonly #search: PostgresSearch;
  #synonyms = new SynonymTable();

  constructor(options: PostgresSearchIndexOptions) {
    this.#writer = new PostgresDocumentWriter(options.db);
    this.#search = new PostgresSearch(options.db, options.rankLimit ?? 400);
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    this.#writer.write([], documents);
  }

  async remove(pageIds: readonly string[]): Promise<void> {
    this.#writer.write(pageIds, []);
  }

  async clear(): Promise<void> {
    this.#writer.clear();
  }

  async setSynonyms(groups: readonly SynonymGroup[]): Promise<void> {
    this.#synonyms = new SynonymTable(groups);
  }

  async count(): Promise<number> {
    return this.#writer.count();
  }

  async rebuild(batches: AsyncIterable<readonly SearchDocument[]>): Promise<number> {
    return rebuildPostgresIndex(this.#writer, batches);
  }

  async close(): Promise<void> {
    // The connection belongs to the caller, who may share it with the stores.
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    // No transaction: each statement applies the permissions to the rows it reads, so a page
    // written meanwhile cannot slip past them; at worst a word's count is a moment old.
    return this.#search.search(request, this.#synonyms);
  }
}
