import type {
  SearchDocument,
  SearchIndex,
  SearchRequest,
  SearchResults,
  SynonymGroup,
} from '@lore/core';
import { SynonymTable } from '@lore/core';
import type Database from 'better-sqlite3';
import { FtsDocumentWriter } from './FtsDocumentWriter';
import { FtsRanker } from './FtsRanker';
import { FtsSearch } from './FtsSearch';
import { FtsVocabulary } from './FtsVocabulary';
import { migrateFts5Schema } from './fts5Schema';
import { rebuildFtsIndex } from './rebuildFtsIndex';

export interface Fts5SearchIndexOptions {
  /** The Lore database; the index creates its own tables in it (`fts5Schema`). */
  readonly db: Database.Database;
  /**
   * Most matches ranked by bm25 per query. Queries matching more pages rank the most recently
   * indexed title and heading matches, then body matches, keeping common words fast.
   * Default 400.
   */
  readonly rankLimit?: number;
}

/**
 * The embedded search index: SQLite FTS5 in the Lore database, beside the pages. See
 * docs/search.md for how queries are evaluated. Writes go through `FtsDocumentWriter`,
 * searches through `FtsSearch`.
 */
export class Fts5SearchIndex implements SearchIndex {
  readonly #db: Database.Database;
  readonly #vocabulary: FtsVocabulary;
  readonly #writer: FtsDocumentWriter;
  readonly #ranker: FtsRanker;
  readonly #searchTransaction: (request: SearchRequest) => SearchResults;
  #synonyms = new SynonymTable();

  constructor(options: Fts5SearchIndexOptions) {
    this.#db = options.db;
    migrateFts5Schema(this.#db);
    this.#vocabulary = new FtsVocabulary(this.#db);
    this.#writer = new FtsDocumentWriter(this.#db, this.#vocabulary);
    this.#ranker = new FtsRanker(this.#db, options.rankLimit ?? 400);
    const search = new FtsSearch(this.#db, this.#vocabulary, this.#ranker);
    this.#searchTransaction = this.#db.transaction((request: SearchRequest) =>
      search.search(request, this.#synonyms),
    );
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    this.#writer.write(
      documents.map((document) => document.pageId),
      documents,
    );
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
    return rebuildFtsIndex(this.#db, this.#writer, this.#vocabulary, batches);
  }

  async close(): Promise<void> {
    this.#ranker.clear();
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    // One read transaction: the spaces, the vocabulary and the matches are one snapshot, so a
    // page written meanwhile by another process cannot slip past the permission filter.
    return this.#searchTransaction(request);
  }
}
