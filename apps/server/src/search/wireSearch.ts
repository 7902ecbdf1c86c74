import type { CollabServer } from '@lore/collab';
import {
  type AccessPolicy,
  type Clock,
  type DocumentStore,
  GlossaryService,
  type GlossaryStore,
  type PageStore,
  PageViewCounter,
  SearchAnalyticsService,
  type SearchAnalyticsStore,
  type SearchIndex,
  SearchIndexer,
  type SearchOutbox,
  type SearchPageFacts,
  SearchService,
  type SpaceStore,
  type TagStore,
  type TimeSlicer,
} from '@lore/core';
import { PageSearchDocuments, readPageDocument } from '@lore/page-document';
import type { Logger } from 'pino';
import { glossaryRoutes } from '../routes/glossaryRoutes';
import { searchAnalyticsRoutes } from '../routes/searchAnalyticsRoutes';
import { searchRoutes } from '../routes/searchRoutes';
import type { LoreModule } from '../runtime/LoreModule';
import type { SearchServices } from './SearchServices';
import type { SearchConfig } from './searchConfig';
import { searchConsumer } from './searchConsumer';

export interface WireSearchOptions {
  readonly config: SearchConfig;
  /** The configured engine's index. */
  readonly index: SearchIndex;
  /** The search bookkeeping kept in the database. */
  readonly stores: {
    readonly facts: SearchPageFacts;
    readonly outbox: SearchOutbox;
    readonly glossary: GlossaryStore;
    readonly analytics: SearchAnalyticsStore;
  };
  readonly clock: Clock;
  readonly logger: Logger;
  readonly pages: PageStore;
  readonly spaces: SpaceStore;
  readonly documents: DocumentStore;
  readonly tags: TagStore;
  /** What each searcher may read, applied inside every query. */
  readonly policy: AccessPolicy;
  /** Live rooms: documents being edited are read from memory rather than from the log. */
  readonly collab?: CollabServer<unknown>;
  /** Indexer timing, for tests and benchmarks (see `SearchIndexerOptions`). */
  readonly indexer?: { quietMs?: number; pollMs?: number; maxRetryMs?: number };
  /** Paces indexing with the process's other background work. */
  readonly slicer?: TimeSlicer;
}

export interface SearchWiring {
  readonly services: SearchServices;
  /** Its consumer feeds the indexer's queue; start runs the indexer, close stops it. */
  readonly module: LoreModule;
}

/**
 * Wires search into a Lore process: the configured index, the indexer fed by the search
 * consumer of the event outbox, the glossary (as synonyms), analytics and the search service.
 */
export function wireSearch(options: WireSearchOptions): SearchWiring {
  const { clock, logger, collab, spaces, documents, tags, pages, index } = options;
  const { facts, outbox } = options.stores;
  const glossary = new GlossaryService({ store: options.stores.glossary, clock });
  const source = new PageSearchDocuments({
    pages,
    tags: (pageId) => tags.tagsOf(pageId),
    spaces,
    facts,
    readDocument: (pageId, read) => readPageDocument(collab, documents, pageId, read),
  });
  const indexer = new SearchIndexer({
    index,
    outbox,
    source,
    synonyms: { version: () => glossary.version(), groups: () => glossary.synonymGroups() },
    ...options.indexer,
    ...(options.slicer ? { slicer: options.slicer } : {}),
    onError: (error, context) => logger.warn({ err: error, ...context }, 'search indexing failed'),
  });
  const views = new PageViewCounter({ clock, count: (pageId) => facts.addView(pageId) });
  const analytics = new SearchAnalyticsService({
    store: options.stores.analytics,
    clock,
    onClick: (pageId, userId) => views.record(userId, pageId),
  });
  const search = new SearchService({ index, policy: options.policy, analytics });
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
    module: {
      name: 'search',
      routes: [...searchRoutes, ...glossaryRoutes, ...searchAnalyticsRoutes],
      consumers: [
        searchConsumer({
          outbox,
          pages,
          addAuthor: (pageId, userId) => facts.addAuthor(pageId, userId),
        }),
      ],
      start: () => indexer.start(),
      close: async () => {
        await indexer.stop();
        await index.close();
      },
    },
  };
}
