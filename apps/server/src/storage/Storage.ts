import type {
  AccessStore,
  AccountStore,
  AttachmentStore,
  AuditLog,
  BlobStore,
  ConsumerState,
  DiscussionStore,
  DocumentStore,
  EventLog,
  GlossaryStore,
  IdentityLinkStore,
  ImportSourceStore,
  NotificationStore,
  PageLinkStore,
  PageStore,
  RevisionStore,
  SearchAnalyticsStore,
  SearchIndex,
  SearchOutbox,
  SearchPageFacts,
  ServerKeyStore,
  ShareLinkStore,
  SpaceActivityStore,
  SpaceStore,
  TagStore,
  WatchStore,
} from '@lore/core';
import type { PostgresDatabase } from '@lore/store-postgres';
import type { Db } from '@lore/store-sqlite';

/**
 * Every store port of one Lore process, on one database: the embedded SQLite file or a shared
 * PostgreSQL. The runtime builds services over this and never over a database handle, so the two
 * engines are interchangeable (the contract suites keep their stores equal).
 */
export interface Storage {
  readonly engine: 'sqlite' | 'postgres';
  readonly accounts: AccountStore;
  readonly spaces: SpaceStore;
  readonly pages: PageStore;
  readonly documents: DocumentStore;
  readonly tags: TagStore;
  readonly pageLinks: PageLinkStore;
  /** The domain-event outbox; `onAppend` wakes this process's consumers after an append. */
  readonly events: EventLog & { onAppend(listener: () => void): void };
  readonly consumerState: ConsumerState;
  readonly access: AccessStore;
  readonly shares: ShareLinkStore;
  /** Single sign-on: accounts' identities at outside providers, provider-managed groups. */
  readonly identityLinks: IdentityLinkStore;
  /** Comment threads, comments and reactions. */
  readonly discussion: DiscussionStore;
  readonly notifications: NotificationStore;
  readonly watches: WatchStore;
  /** What happened in each space (derived from domain events). */
  readonly spaceActivity: SpaceActivityStore;
  /** The server's own secret keys (signing unsubscribe links). */
  readonly serverKeys: ServerKeyStore;
  readonly audit: AuditLog;
  readonly revisions: RevisionStore;
  readonly attachments: AttachmentStore;
  /** Attachment bytes: files in a directory every process of the install can reach. */
  readonly blobs: BlobStore;
  readonly importSources: ImportSourceStore;
  readonly glossary: GlossaryStore;
  readonly searchAnalytics: SearchAnalyticsStore;
  readonly searchOutbox: SearchOutbox;
  readonly searchFacts: SearchPageFacts;
  /** The search index that lives in this database (FTS5, or PostgreSQL full-text search). */
  createSearchIndex(): SearchIndex;
  /** Runs `work` as one write transaction across every store above. */
  transaction<T>(work: () => T): T;
  /** Throws (`StoreUnavailableError` on PostgreSQL) unless the database answers; for /healthz. */
  ping(): void;
  /** Hourly upkeep (giving freed pages back to the disk, and the like). */
  upkeep(): void;
  /** The SQLite handle, for SQLite-only tools and tests; null on PostgreSQL. */
  readonly sqlite: Db | null;
  /** The PostgreSQL connection, for PostgreSQL-only tools and tests; null on SQLite. */
  readonly postgres: PostgresDatabase | null;
  /** Finishes background work and closes the database. */
  close(): Promise<void>;
}
