import { PostgresSearchIndex } from '@lore/search-postgres';
import {
  createPostgresPool,
  migratePostgres,
  PostgresAccessStore,
  PostgresAccountStore,
  PostgresAttachmentStore,
  PostgresAuditLog,
  PostgresConsumerState,
  PostgresDatabase,
  PostgresDiscussionStore,
  PostgresDocumentStore,
  PostgresEventListener,
  PostgresEventLog,
  PostgresGlossaryStore,
  PostgresIdentityLinkStore,
  PostgresImportSourceStore,
  PostgresNotificationStore,
  PostgresPageLinkStore,
  PostgresPageStore,
  PostgresPageTagStore,
  PostgresRevisionStore,
  PostgresSearchAnalyticsStore,
  PostgresSearchOutbox,
  PostgresSearchPageFacts,
  PostgresServerKeyStore,
  PostgresShareLinkStore,
  PostgresSpaceActivityStore,
  PostgresSpaceStore,
  PostgresWatchStore,
} from '@lore/store-postgres';
import { FileBlobStore } from '@lore/store-sqlite';
import type { Logger } from 'pino';
import type { Storage } from './Storage';

export interface PostgresStorageOptions {
  readonly url: string;
  readonly attachmentsDir: string;
  readonly logger: Logger;
}

/**
 * Every store on a shared PostgreSQL database, migrated under an advisory lock (processes may
 * start together): the synchronous connection of the stores' units of work, a pool for the Yjs
 * update log, and a listener that wakes this process's event consumers when any process appends.
 */
export async function openPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const { logger } = options;
  const db = new PostgresDatabase({ url: options.url, applicationName: 'lore' });
  try {
    const version = migratePostgres(db);
    logger.debug({ version }, 'PostgreSQL schema is current');
  } catch (error) {
    await db.close();
    throw error;
  }
  const pool = createPostgresPool({
    url: options.url,
    applicationName: 'lore updates',
    onError: (error) => logger.warn({ err: error }, 'a pooled PostgreSQL connection was lost'),
  });
  const searchPool = createPostgresPool({
    url: options.url,
    max: 4,
    applicationName: 'lore search',
    onError: (error) => logger.warn({ err: error }, 'a pooled PostgreSQL connection was lost'),
  });
  const events = new PostgresEventLog(db);
  const listener = new PostgresEventListener({
    url: options.url,
    onAppend: () => events.appendedElsewhere(),
    onError: (error) => logger.warn({ err: error }, 'listening for events of other processes'),
  });
  // Other processes' events also arrive by polling; listening only makes them sooner.
  await listener
    .start()
    .catch((error: unknown) =>
      logger.warn({ err: error }, 'not listening for events of other processes; polling only'),
    );
  return {
    engine: 'postgres',
    accounts: new PostgresAccountStore(db),
    spaces: new PostgresSpaceStore(db),
    pages: new PostgresPageStore(db),
    documents: new PostgresDocumentStore(pool),
    tags: new PostgresPageTagStore(db),
    pageLinks: new PostgresPageLinkStore(db),
    // Appends of this process wake its consumers at once; other processes' through the listener.
    events,
    consumerState: new PostgresConsumerState(db),
    access: new PostgresAccessStore(db),
    shares: new PostgresShareLinkStore(db),
    identityLinks: new PostgresIdentityLinkStore(db),
    discussion: new PostgresDiscussionStore(db),
    notifications: new PostgresNotificationStore(db),
    watches: new PostgresWatchStore(db),
    spaceActivity: new PostgresSpaceActivityStore(db),
    serverKeys: new PostgresServerKeyStore(db),
    audit: new PostgresAuditLog(db),
    revisions: new PostgresRevisionStore(db),
    attachments: new PostgresAttachmentStore(db),
    blobs: new FileBlobStore(options.attachmentsDir),
    importSources: new PostgresImportSourceStore(db),
    glossary: new PostgresGlossaryStore(db),
    searchAnalytics: new PostgresSearchAnalyticsStore(db),
    searchOutbox: new PostgresSearchOutbox(db),
    searchFacts: new PostgresSearchPageFacts(db),
    // Searches and index writes run on the pool, never blocking the process on the database.
    // Its own pool: a burst of searches never delays the appends of people typing.
    createSearchIndex: () => new PostgresSearchIndex({ pool: searchPool }),
    transaction: (work) => db.transaction(work),
    ping: () => {
      db.query('SELECT 1');
    },
    upkeep: () => {},
    sqlite: null,
    postgres: db,
    close: async () => {
      await listener.close();
      await pool.end();
      await searchPool.end();
      await db.close();
    },
  };
}
