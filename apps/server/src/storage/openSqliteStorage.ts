import { Fts5SearchIndex } from '@lore/search-fts5';
import {
  FileBlobStore,
  openDatabase,
  reclaimFreePages,
  SqliteAccessStore,
  SqliteAccountStore,
  SqliteAttachmentStore,
  SqliteAuditLog,
  SqliteConsumerState,
  SqliteDiscussionStore,
  SqliteDocumentStore,
  SqliteEventLog,
  SqliteGlossaryStore,
  SqliteIdentityLinkStore,
  SqliteImportSourceStore,
  SqliteNotificationStore,
  SqlitePageLinkStore,
  SqlitePageStore,
  SqlitePageTagStore,
  SqliteRevisionStore,
  SqliteSearchAnalyticsStore,
  SqliteSearchOutbox,
  SqliteSearchPageFacts,
  SqliteServerKeyStore,
  SqliteShareLinkStore,
  SqliteSpaceActivityStore,
  SqliteSpaceStore,
  SqliteWatchStore,
  type SynchronousMode,
  WalCheckpointer,
} from '@lore/store-sqlite';
import type { Logger } from 'pino';
import type { Storage } from './Storage';

export interface SqliteStorageOptions {
  readonly path: string;
  readonly synchronous: SynchronousMode;
  readonly attachmentsDir: string;
  readonly logger: Logger;
}

/** Every store on the embedded SQLite file (migrated), with WAL checkpoints off the event loop. */
export function openSqliteStorage(options: SqliteStorageOptions): Storage {
  const db = openDatabase({ path: options.path, synchronous: options.synchronous });
  // Checkpoints off the event loop: a commit never waits for the WAL to be copied and synced.
  const checkpointer = WalCheckpointer.start(db, {
    onError: (error) => options.logger.error({ err: error }, 'WAL checkpoint'),
  });
  return {
    engine: 'sqlite',
    accounts: new SqliteAccountStore(db),
    spaces: new SqliteSpaceStore(db),
    pages: new SqlitePageStore(db),
    documents: new SqliteDocumentStore(db),
    tags: new SqlitePageTagStore(db),
    pageLinks: new SqlitePageLinkStore(db),
    events: new SqliteEventLog(db),
    consumerState: new SqliteConsumerState(db),
    access: new SqliteAccessStore(db),
    shares: new SqliteShareLinkStore(db),
    identityLinks: new SqliteIdentityLinkStore(db),
    discussion: new SqliteDiscussionStore(db),
    notifications: new SqliteNotificationStore(db),
    watches: new SqliteWatchStore(db),
    spaceActivity: new SqliteSpaceActivityStore(db),
    serverKeys: new SqliteServerKeyStore(db),
    audit: new SqliteAuditLog(db),
    revisions: new SqliteRevisionStore(db),
    attachments: new SqliteAttachmentStore(db),
    blobs: new FileBlobStore(options.attachmentsDir),
    importSources: new SqliteImportSourceStore(db),
    glossary: new SqliteGlossaryStore(db),
    searchAnalytics: new SqliteSearchAnalyticsStore(db),
    searchOutbox: new SqliteSearchOutbox(db),
    searchFacts: new SqliteSearchPageFacts(db),
    createSearchIndex: () => new Fts5SearchIndex({ db }),
    // Immediate: a write transaction takes the lock at once instead of failing on upgrade.
    transaction: (work) => db.transaction(work).immediate(),
    ping: () => {
      if (!db.open) throw new Error('The database is closed.');
      db.prepare('SELECT 1').get();
    },
    upkeep: () => reclaimFreePages(db),
    sqlite: db,
    postgres: null,
    close: async () => {
      await checkpointer.close();
      reclaimFreePages(db, Number.MAX_SAFE_INTEGER);
      db.close();
    },
  };
}
