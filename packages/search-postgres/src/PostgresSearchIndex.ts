import {
  type SearchDocument,
  type SearchIndex,
  type SearchRequest,
  type SearchResults,
  type SynonymGroup,
  SynonymTable,
} from '@lore/core';
import type pg from 'pg';
import { PostgresDocumentWriter } from './PostgresDocumentWriter';
import { maxTotal } from './PostgresRanker';
import { PostgresSearch } from './PostgresSearch';
import { rebuildPostgresIndex } from './rebuildPostgresIndex';

export interface PostgresSearchIndexOptions {
  /**
   * Connections to the Lore database, migrated by `migratePostgres` (its migration 0011 holds
   * the index's tables). The pool belongs to the caller, who may share it with the stores and
   * listens for its 'error' events. A search or a write holds one connection while it runs.
   */
  readonly pool: pg.Pool;
  /**
   * Most matches ranked by BM25 per query, at most 1,000 (matches are counted up to that).
   * Queries matching more pages rank the most recently indexed title and heading matches, then
   * body matches, keeping common words fast. Default 400.
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
    this.#writer = new PostgresDocumentWriter(options.pool);
    this.#search = new PostgresSearch(options.pool, Math.min(options.rankLimit ?? 400, maxTotal));
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    await this.#writer.write([], documents);
  }

  async remove(pageIds: readonly string[]): Promise<void> {
    await this.#writer.write(pageIds, []);
  }

  async clear(): Promise<void> {
    await this.#writer.clear();
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
    // The pool belongs to the caller, who may share it with the stores.
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    return this.#search.search(request, this.#synonyms);
  }
}
