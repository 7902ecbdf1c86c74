import { type AcceptedUpdate, CollabServer } from '@lore/collab';
import {
  AccessPolicy,
  AccountService,
  accessAllows,
  type Clock,
  ConcurrencyGate,
  DiscussionService,
  EventDispatcher,
  GroupService,
  isPageLive,
  LoginThrottle,
  MentionDirectory,
  PageLinkService,
  PageRestrictionService,
  PageService,
  ShareService,
  SpaceMemberService,
  SpaceSettingsService,
  systemClock,
  TagService,
  TimeSlicer,
  type UnsubscribeTarget,
} from '@lore/core';
import { documentSchemaGuard, YjsAnchorResolver, YjsPageContent } from '@lore/page-document';
import { RedisRoomRelay } from '@lore/relay-redis';
import type { Db } from '@lore/store-sqlite';
import type { Logger } from 'pino';
import { createAttachmentService } from '../attachments/createAttachmentService';
import { wireAudit } from '../audit/wireAudit';
import type { CollabContext } from '../collab/collabEndpoint';
import { pageTitleConsumer } from '../collab/pageTitleConsumer';
import { SocketAccessGuard } from '../collab/SocketAccessGuard';
import { socketAccessConsumer } from '../collab/socketAccessConsumer';
import { trashedRoomsConsumer } from '../collab/trashedRoomsConsumer';
import type { Config } from '../config';
import { commentMarksConsumer } from '../discussion/commentMarksConsumer';
import { ThreadSignal } from '../discussion/ThreadSignal';
import { wireHome } from '../home/wireHome';
import type { Route } from '../http/route';
import { PageLinkIndexer } from '../links/PageLinkIndexer';
import { pageLinksConsumer } from '../links/pageLinksConsumer';
import { createLogger } from '../logger';
import { wireMail } from '../mail/wireMail';
import { emailUnsubscribeTarget } from '../notifications/emailUnsubscribeTarget';
import { wireNotificationEmails } from '../notifications/wireNotificationEmails';
import { wireNotifications } from '../notifications/wireNotifications';
import { wireRevisions } from '../revisions/wireRevisions';
import { accessRoutes } from '../routes/accessRoutes';
import { attachmentRoutes } from '../routes/attachmentRoutes';
import { authRoutes } from '../routes/authRoutes';
import { collabTicketRoutes } from '../routes/collabTicketRoutes';
import { discussionRoutes } from '../routes/discussionRoutes';
import { eventRoutes } from '../routes/eventRoutes';
import { inviteRoutes } from '../routes/inviteRoutes';
import { mentionRoutes } from '../routes/mentionRoutes';
import { oembedRoutes } from '../routes/oembedRoutes';
import { pageRoutes } from '../routes/pageRoutes';
import { passwordResetRoutes } from '../routes/passwordResetRoutes';
import { setupRoutes } from '../routes/setupRoutes';
import { shareRoutes } from '../routes/shareRoutes';
import { spaceRoutes } from '../routes/spaceRoutes';
import { tagRoutes } from '../routes/tagRoutes';
import { tokenRoutes } from '../routes/tokenRoutes';
import { transferRoutes } from '../routes/transferRoutes';
import { userRoutes } from '../routes/userRoutes';
import type { Services } from '../Services';
import { createSearchIndex } from '../search/createSearchIndex';
import { wireSearch } from '../search/wireSearch';
import { wireSso } from '../sso/wireSso';
import { openStorage } from '../storage/openStorage';
import type { Storage } from '../storage/Storage';
import { wireTransfer } from '../transfer/wireTransfer';
import type { LoreModule } from './LoreModule';

/** How long a graceful stop waits for consumers to catch up with the last changes. */
const closeDrainMs = 5_000;

/** Lore without HTTP: what the server, the CLI and tests all run on. */
export interface LoreRuntime {
  readonly config: Config;
  readonly logger: Logger;
  /** Every store, on the configured database. */
  readonly storage: Storage;
  /** The SQLite database, for SQLite-only tools and tests; throws on PostgreSQL. */
  readonly db: Db;
  /** Every service, built once; what routes and commands call. */
  readonly services: Services;
  /** The collaboration server, with the websocket door's context type. */
  readonly collab: CollabServer<CollabContext>;
  /** Delivers the domain-event outbox to the modules' consumers. */
  readonly events: EventDispatcher;
  /** Keeps open collaboration sockets within what their person may still do. */
  readonly socketAccess: SocketAccessGuard;
  /** The modules in the order they start (they close in reverse). */
  readonly modules: readonly LoreModule[];
  /** Every module's `/api` routes, in module order: what the HTTP layer mounts and documents. */
  readonly routes: readonly Route[];
  /** Starts every module, then event delivery. Call once. */
  start(): Promise<void>;
  /** Stops event delivery, then every module in reverse order, then closes the database. */
  close(): Promise<void>;
}

export interface CreateLoreOptions {
  readonly logger?: Logger;
  /**
   * Where the unsubscribe links of Lore's emails take effect (the notification preferences).
   * Without one, the unsubscribe pages answer 503 rather than pretend.
   */
  readonly unsubscribeTarget?: UnsubscribeTarget;
  /** The clock notification emails go by (when digests are due); tests drive one. */
  readonly emailClock?: Clock;
}

/**
 * Builds Lore around one configuration: the database (migrated), every store once, the domain
 * services, the collaboration server and the feature modules, in dependency order and with no
 * forward references. Nothing runs until `start()`.
 */
export async function createLore(
  config: Config,
  options: CreateLoreOptions = {},
): Promise<LoreRuntime> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const storage = await openStorage(config, logger);
  const clock = systemClock;

  // Stores, once each.
  const accountStore = storage.accounts;
  const pageStore = storage.pages;
  const spaceStore = storage.spaces;
  const documentStore = storage.documents;
  const tagStore = storage.tags;
  const eventLog = storage.events;
  const accessStore = storage.access;
  // Every service writes its events through the audit trail: event and record, one transaction.
  const audit = wireAudit({
    log: storage.audit,
    transaction: storage.transaction,
    events: eventLog,
    people: accountStore,
    pages: pageStore,
    spaces: spaceStore,
    groups: accessStore,
    clock,
    logger,
    retentionDays: config.auditRetentionDays,
  });
  const outbox = audit.events;
  // The one access rule every door asks.
  const access = new AccessPolicy({ store: accessStore, spaces: spaceStore, pages: pageStore });

  const accounts = new AccountService({
    store: accountStore,
    clock,
    events: outbox,
    audit: audit.trail,
    sessionTtlMs: config.sessionTtlMs,
    sessionMaxAgeMs: config.sessionMaxAgeMs,
    hashGate: new ConcurrencyGate({
      concurrency: config.passwordHashing.concurrency,
      maxQueue: config.passwordHashing.queue,
    }),
  });

  // Several processes on one database relay edits, presence and access checks through Redis.
  const relay = config.relayUrl ? openRelay(config.relayUrl, logger) : null;
  let recheckSockets: (userId: string | undefined) => void = () => {};
  // Background work (event consumers, search indexing) takes turns with the sockets.
  const slicer = new TimeSlicer();
  // Accepted edits are told to whoever listens (revisions records who wrote what).
  const acceptedListeners: ((update: AcceptedUpdate<CollabContext>) => void)[] = [];
  const collab = new CollabServer<CollabContext>({
    store: documentStore,
    maxMessageBytes: config.collabMaxMessageBytes,
    validateUpdate: documentSchemaGuard(),
    // A person's tabs forward each other's edits, so Yjs client ids belong to people.
    writerOf: (context) => context.user.id,
    // Presence shows who the socket belongs to, not who the client says it is.
    presenceOf: ({ user }) => ({ id: user.id, name: user.displayName, color: user.color }),
    onAccepted: (update) => {
      for (const listener of acceptedListeners) listener(update);
    },
    onError: (error, context) => logger.error({ err: error, ...context }, 'collaboration error'),
    // Access changes are handled once for the cluster; each process rechecks its own sockets.
    recheckAccess: ({ userId }) => recheckSockets(userId),
    ...(relay ? { relay: { relay, log: (line: string) => logger.warn(line) } } : {}),
  });
  const sharedCollab = collab as CollabServer<unknown>;
  const socketAccess = new SocketAccessGuard({
    collab,
    accounts,
    clock,
    maxLifetimeMs: config.collabSocketMaxMs,
    slicer,
    // The door's rule, asked again: a live page, then the access policy.
    pageAccess: (user, pageId) => {
      const page = pageStore.findPageById(pageId);
      if (!page || !isPageLive(pageStore, page)) return 'gone';
      const held = access.pageAccess(user, page);
      return held === 'none' ? 'none' : accessAllows(held, 'edit') ? 'write' : 'read';
    },
    onError: (error) => logger.error({ err: error }, 'checking open sockets failed'),
  });
  recheckSockets = (userId) =>
    socketAccess.recheck(
      userId === undefined ? undefined : (socket) => socket.context.user.id === userId,
    );
  const content = new YjsPageContent(collab, documentStore, (pageId, excess) =>
    logger.warn(
      { pageId, limits: excess.map((item) => item.limit) },
      'page past the structure limits was flattened to be read; run `lore doctor --repair`',
    ),
  );
  const pages = new PageService({
    spaces: spaceStore,
    pages: pageStore,
    content,
    clock,
    events: outbox,
    access: accessStore,
    policy: access,
  });

  // Public share links: the rules are in the service; the shared view is served by the HTTP layer.
  const shares = new ShareService({
    store: storage.shares,
    pages: pageStore,
    restrictions: accessStore,
    policy: access,
    people: accountStore,
    clock,
    events: eventLog,
  });

  // Comment threads and reactions; anchors are resolved against the page's current document.
  const discussion = new DiscussionService({
    store: storage.discussion,
    pages: pageStore,
    policy: access,
    people: accountStore,
    anchors: new YjsAnchorResolver(sharedCollab, documentStore),
    clock,
    events: outbox,
  });
  // Live comment streams follow the outbox, which every process of a cluster writes to.
  const threadSignal = new ThreadSignal({
    log: eventLog,
    pollMs: config.notifications.streamPollMs,
    onError: (error) => logger.warn({ err: error }, 'live comment streams could not read events'),
  });
  eventLog.onAppend(() => threadSignal.wake());

  const revisionWiring = wireRevisions({
    store: storage.revisions,
    collab: sharedCollab,
    clock,
    logger,
    policy: access,
    pages: pageStore,
    people: accountStore,
  });
  acceptedListeners.push((update) => revisionWiring.onAccepted(update));

  const pageLinks = new PageLinkService({
    spaces: spaceStore,
    pages: pageStore,
    links: storage.pageLinks,
    policy: access,
  });
  const links = new PageLinkIndexer({
    links: pageLinks,
    collab: sharedCollab,
    documents: documentStore,
    pages: pageStore,
    spaces: spaceStore,
    origin: config.publicUrl?.origin ?? null,
  });
  const search = wireSearch({
    config: config.search,
    slicer,
    index: createSearchIndex(storage, config.search),
    stores: {
      facts: storage.searchFacts,
      outbox: storage.searchOutbox,
      glossary: storage.glossary,
      analytics: storage.searchAnalytics,
    },
    clock,
    logger,
    pages: pageStore,
    spaces: spaceStore,
    documents: documentStore,
    tags: tagStore,
    policy: access,
    collab: sharedCollab,
    // Content events already wait for a quiet page; the indexer need not wait again.
    indexer: { quietMs: 0 },
  });
  const attachments = createAttachmentService({
    config,
    attachments: storage.attachments,
    blobs: storage.blobs,
    pageStore,
    policy: access,
    clock,
    events: outbox,
  });
  // Notifications and watching: the inbox, settings, watches and the consumers that fill them.
  const notifications = wireNotifications({
    config: config.notifications,
    // Notifications wanted by email are made with their email pending only when email is on.
    sendsEmail: config.mail.smtp !== null && config.mail.from !== null,
    stores: {
      notifications: storage.notifications,
      watches: storage.watches,
      revisions: storage.revisions,
      access: accessStore,
      discussion: storage.discussion,
    },
    pages: pageStore,
    spaces: spaceStore,
    people: accountStore,
    policy: access,
    clock,
    collab: sharedCollab,
    documents: documentStore,
  });
  // Home, "since your last visit" and space activity.
  const home = wireHome({
    stores: {
      spaceActivity: storage.spaceActivity,
      watches: storage.watches,
      revisions: storage.revisions,
      discussion: storage.discussion,
      audit: storage.audit,
    },
    notifications: notifications.notifications,
    watches: notifications.watches,
    pages: pageStore,
    spaces: spaceStore,
    people: accountStore,
    policy: access,
    clock,
    collab: sharedCollab,
    documents: documentStore,
  });
  // Outgoing email (off without LORE_SMTP_URL) and the signed unsubscribe links.
  const mail = wireMail({
    config,
    keys: storage.serverKeys,
    clock,
    unsubscribeTarget:
      options.unsubscribeTarget ?? emailUnsubscribeTarget(notifications.notifications),
  });
  // Notification emails, instant and in digests (nothing runs when email is off).
  const notificationEmails = wireNotificationEmails({
    config,
    mail: mail.services,
    store: storage.notifications,
    notifications: notifications.notifications,
    people: accountStore,
    pages: pageStore,
    spaces: spaceStore,
    discussion: storage.discussion,
    policy: access,
    clock: options.emailClock ?? clock,
    slicer,
    logger,
  });
  let pruneTimer: NodeJS.Timeout | null = null;
  // Registration: one line per module, in start order.
  // Single sign-on through an OpenID Connect provider (off without LORE_OIDC_ISSUER).
  const sso = wireSso({
    config: config.sso,
    accounts,
    links: storage.identityLinks,
    access: accessStore,
    clock,
    events: outbox,
  });

  const modules: LoreModule[] = [
    {
      name: 'database',
      close: () => storage.close(),
    },
    {
      name: 'accounts',
      routes: [
        ...setupRoutes,
        ...authRoutes,
        ...userRoutes,
        ...inviteRoutes,
        ...passwordResetRoutes,
        ...tokenRoutes,
        ...collabTicketRoutes,
      ],
      // Hourly upkeep: expired sessions go, and pages freed by compacted logs go back to the disk.
      start: () => {
        accounts.pruneSessions();
        pruneTimer = setInterval(() => {
          accounts.pruneSessions();
          storage.upkeep();
        }, 3_600_000);
        pruneTimer.unref();
      },
      close: () => {
        if (pruneTimer) clearInterval(pruneTimer);
      },
    },
    {
      name: 'collab',
      consumers: [socketAccessConsumer(sharedCollab)],
      start: () => socketAccess.start(),
      // Collaborators are told to reconnect elsewhere; every accepted update is already stored,
      // and this compacts the logs.
      close: async () => {
        socketAccess.close();
        await collab.closeAll();
        await relay?.close();
      },
    },
    {
      name: 'pages',
      routes: [...spaceRoutes, ...pageRoutes, ...oembedRoutes, ...tagRoutes],
      consumers: [
        pageTitleConsumer({
          pages,
          readTitle: (pageId) => content.readTitle(pageId),
          lastEditor: (pageId) => revisionWiring.revisions.takeLastEditor(pageId),
        }),
        trashedRoomsConsumer(sharedCollab),
      ],
    },
    // Groups, space members and page restrictions.
    { name: 'access', routes: accessRoutes },
    // Public share links of pages.
    { name: 'shares', routes: shareRoutes },
    // Comment threads, replies and reactions on pages.
    {
      name: 'discussion',
      routes: [...discussionRoutes, ...mentionRoutes],
      close: () => threadSignal.close(),
      consumers: [
        commentMarksConsumer({
          discussion: storage.discussion,
          pages: pageStore,
          collab: sharedCollab,
        }),
      ],
    },
    { name: 'attachments', routes: attachmentRoutes },
    revisionWiring.module,
    { name: 'links', consumers: [pageLinksConsumer(links)] },
    search.module,
    { name: 'transfer', routes: transferRoutes },
    notifications.module,
    home.module,
    mail.module,
    notificationEmails.module,
    { name: 'events', routes: eventRoutes },
    audit.module,
    sso.module,
  ];

  const events = new EventDispatcher({
    log: eventLog,
    state: storage.consumerState,
    consumers: modules.flatMap((module) => module.consumers ?? []),
    clock,
    slicer,
    // A pause in typing this long makes the page's edits searchable, linked and titled.
    contentQuietMs: 300,
    onError: (error, context) =>
      logger[context.deadLettered ? 'error' : 'warn'](
        { err: error, ...context },
        context.deadLettered
          ? 'an event consumer gave up on an event (see lore events)'
          : 'an event consumer failed; retrying',
      ),
  });
  eventLog.onAppend(() => events.wake());

  const services: Services = {
    config,
    storage,
    get db(): Db {
      if (!storage.sqlite) throw new Error('This Lore runs on PostgreSQL, not SQLite.');
      return storage.sqlite;
    },
    accounts,
    pages,
    access,
    groups: new GroupService({ store: accessStore, people: accountStore, clock, events: outbox }),
    spaceMembers: new SpaceMemberService({
      store: accessStore,
      policy: access,
      people: accountStore,
      clock,
      events: outbox,
    }),
    spaceSettings: new SpaceSettingsService({
      spaces: spaceStore,
      store: accessStore,
      policy: access,
      clock,
      events: outbox,
    }),
    pageRestrictions: new PageRestrictionService({
      store: accessStore,
      policy: access,
      pages: pageStore,
      people: accountStore,
      clock,
      events: outbox,
    }),
    shares,
    discussion,
    threadSignal,
    mentions: new MentionDirectory({ people: accountStore, policy: access }),
    notifications: notifications.notifications,
    watches: notifications.watches,
    unreadSignal: notifications.unreadSignal,
    home: home.home,
    spaceActivity: home.spaceActivity,
    pageStore,
    spaceStore,
    documents: documentStore,
    collab: sharedCollab,
    // Many people can share an address (an office behind NAT): it gets more room than an account.
    loginByAddress: new LoginThrottle({
      clock,
      freeFailures: config.loginMaxAttempts * 5,
      baseDelayMs: 1000,
      maxDelayMs: config.loginMaxDelayMs,
      forgetAfterMs: config.loginWindowMs,
    }),
    loginByEmail: new LoginThrottle({
      clock,
      freeFailures: config.loginMaxAttempts,
      baseDelayMs: 1000,
      maxDelayMs: config.loginMaxDelayMs,
      forgetAfterMs: config.loginWindowMs,
    }),
    revisions: revisionWiring.revisions,
    search: search.services,
    tags: new TagService({
      tags: tagStore,
      pages: pageStore,
      policy: access,
      events: outbox,
      clock,
    }),
    attachments,
    links,
    pageLinks,
    transfer: wireTransfer({
      sources: storage.importSources,
      pages,
      policy: access,
      collab: sharedCollab,
      revisions: revisionWiring.revisions,
      events: outbox,
      audit: audit.trail,
      background: search.services.indexer,
      attachments,
      clock,
    }),
    events,
    mail: mail.services,
    sso: sso.services,
    notificationEmails: notificationEmails.sender,
    audit: audit.service,
    auditTrail: audit.trail,
    requestOrigin: audit.requestOrigin,
  };

  if (config.initialAdmin && accounts.needsSetup()) {
    const admin = await accounts.setupFirstAdminFromConfig(config.initialAdmin);
    logger.info({ email: admin.email }, 'created the first admin from LORE_ADMIN_EMAIL');
  }
  // Whoever reaches a fresh install first must also hold this code, which only the operator sees.
  const setupCode = accounts.setupCode();
  if (setupCode) {
    logger.warn(
      { setupCode },
      `Lore has no admin yet. Open the web app and enter the setup code ${setupCode} (\`lore setup-code\` prints it again).`,
    );
  }

  let started = false;
  let closed = false;
  return {
    config,
    logger,
    storage,
    get db(): Db {
      return services.db;
    },
    services,
    collab,
    events,
    socketAccess,
    modules,
    routes: modules.flatMap((module) => module.routes ?? []),
    start: async () => {
      if (started) return;
      started = true;
      for (const module of modules) await module.start?.();
      events.start();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      if (started) {
        // A graceful stop brings derived data (titles, links, search queue) up to date with the
        // last edits, within a bound: what is left is delivered at the next start.
        const bound = new Promise<void>((resolve) => setTimeout(resolve, closeDrainMs).unref());
        await Promise.race([events.drain({ flushContent: true }), bound]).catch((error) =>
          logger.warn({ err: error }, 'could not deliver every event before stopping'),
        );
      }
      await events.close();
      for (const module of [...modules].reverse()) {
        try {
          await module.close?.();
        } catch (error) {
          logger.error({ err: error, module: module.name }, 'a module failed to close');
          if (module.name === 'database') throw error;
        }
      }
    },
  };
}

/** The Redis relay of `LORE_RELAY` (`redis://`, `rediss://` or `unix:///path/to/redis.sock`). */
function openRelay(url: string, logger: Logger): RedisRoomRelay {
  const onError = (error: unknown) => logger.debug({ err: error }, 'collaboration relay');
  if (url.startsWith('unix://')) {
    return RedisRoomRelay.open({
      socketPath: decodeURIComponent(url.slice('unix://'.length)),
      onError,
    });
  }
  return RedisRoomRelay.open({ url, onError });
}
