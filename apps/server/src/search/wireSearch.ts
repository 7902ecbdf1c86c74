import type { CollabServer } from '@lore/collab';
import {
  type Clock,
  GlossaryService,
  PageViewCounter,
  SearchAnalyticsService,
  type SearchIndex,
  SearchIndexer,
  SearchService,
} from '@lore/core';
import {
  type Db,
  SqliteDocumentStore,
  SqliteGlossaryStore,
  SqlitePageStore,
  SqlitePageTagStore,
  SqliteSearchAnalyticsStore,
  SqliteSearchOutbox,
  SqliteSearchPageFacts,
  SqliteSpaceStore,
} from '@lore/store-sqlite';
import type { Logger } from 'pino';
import { readPageDocument } from '../collab/readPageDocument';
import { createSearchIndex } from './createSearchIndex';
import { PageSearchDocuments } from './PageSearchDocuments';
import type { SearchServices } from './SearchServices';
import type { SearchConfig } from './searchConfig';

export interface WireSearchOptions {
  readonly db: Db;
  readonly config: SearchConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Live rooms: documents being edited are read from memory rather than from the log. */
  readonly collab?: CollabServer<unknown>;
  /** An index to use instead of the configured one (tests, benchmarks). */
  readonly index?: SearchIndex;
  /** Indexer timing, for tests and benchmarks (see `SearchIndexerOptions`). */
  readonly indexer?: { quietMs?: number; pollMs?: number; maxRetryMs?: number };
}

export interface SearchWiring {
  readonly services: SearchServices;
  /** Starts the indexer (polling the outbox). */
  start(): void;
  /** Stops the indexer and releases the index; call before closing the database. */
  close(): Promise<void>;
}

/**
 * Wires search into a Lore process: the configured index, the outbox indexer fed by page and
 * document changes, the glossary (as synonyms), analytics and the search service.
 */
export function wireSearch(options: WireSearchOptions): SearchWiring {
  const { db, clock, logger, collab } = options;
  const spaces = new SqliteSpaceStore(db);
  const facts = new SqliteSearchPageFacts(db);
  const documents = new SqliteDocumentStore(db);
  const index = options.index ?? createSearchIndex(db, options.config);
  const glossary = new GlossaryService({ store: new SqliteGlossaryStore(db), clock });
  const tags = new SqlitePageTagStore(db);
  const source = new PageSearchDocuments({
    pages: new SqlitePageStore(db),
    tags: (pageId) => tags.tagsOf(pageId),
    spaces,
    facts,
    readDocument: (pageId, read) => readPageDocument(collab, documents, pageId, read),
  });
  const indexer = new SearchIndexer({
    index,
    outbox: new SqliteSearchOutbox(db),
    source,
    synonyms: { version: () => glossary.version(), groups: () => glossary.synonymGroups() },
    ...options.indexer,
    onError: (error, context) => logger.warn({ err: error, ...context }, 'search indexing failed'),
  });
  const views = new PageViewCounter({ clock, count: (pageId) => facts.addView(pageId) });
  const analytics = new SearchAnalyticsService({
    store: new SqliteSearchAnalyticsStore(db),
    clock,
    onClick: (pageId, userId) => views.record(userId, pageId),
  });
  const search = new SearchService({ index, spaces, analytics });
  return {
    services: {
      engine: options.config.engine,
      index,
      indexer,
      search,
      glossary,
      analytics,
      spaces,
      views,
    },
    start: () => indexer.start(),
    close: async () => {
      await indexer.stop();
      await index.close();
    },
  };
}
