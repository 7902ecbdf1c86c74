import type { CollabServer } from '@lore/collab';
import {
  type AccessPolicy,
  type AccessStore,
  type AccountStore,
  type Clock,
  type DiscussionStore,
  type DocumentStore,
  NotificationService,
  type NotificationStore,
  type PageStore,
  type RevisionStore,
  type SpaceStore,
  WatchService,
  type WatchStore,
} from '@lore/core';
import { readPageDocument, readPageState } from '@lore/page-document';
import type { Config } from '../config';
import { notificationRoutes } from '../routes/notificationRoutes';
import { watchRoutes } from '../routes/watchRoutes';
import type { LoreModule } from '../runtime/LoreModule';
import { autoWatchConsumer } from './autoWatchConsumer';
import { commentNotificationsConsumer } from './commentNotificationsConsumer';
import { PageChangeReader } from './PageChangeReader';
import { pageChangedConsumer } from './pageChangedConsumer';
import { pageMentionsConsumer } from './pageMentionsConsumer';
import { pageSharedConsumer } from './pageSharedConsumer';
import { UnreadSignal } from './UnreadSignal';

export interface WireNotificationsOptions {
  readonly config: Config['notifications'];
  /** Whether Lore sends email (notifications wanted by email are then made pending). */
  readonly sendsEmail: boolean;
  readonly stores: {
    readonly notifications: NotificationStore;
    readonly watches: WatchStore;
    readonly revisions: RevisionStore;
    readonly access: Pick<AccessStore, 'listGroupMembers'>;
    /** Threads and comments, for who takes part in a thread. */
    readonly discussion: Pick<DiscussionStore, 'findThread' | 'listCommentsOfThreads'>;
  };
  readonly pages: PageStore;
  readonly spaces: SpaceStore;
  readonly people: Pick<AccountStore, 'findUserById' | 'listUsers'>;
  readonly policy: AccessPolicy;
  readonly clock: Clock;
  /** Pages being edited are read from their rooms, others from the store. */
  readonly collab: CollabServer<unknown>;
  readonly documents: DocumentStore;
}

export interface NotificationWiring {
  readonly notifications: NotificationService;
  readonly watches: WatchService;
  /** Wakes this process's live unread counts. */
  readonly unreadSignal: UnreadSignal;
  readonly module: LoreModule;
}

/**
 * Notifications and watching in a Lore process: the inbox and settings, watches, the consumers
 * that watch what people work on and tell watchers of changes and of pages shared with them, and
 * the routes (with the live unread count).
 */
export function wireNotifications(options: WireNotificationsOptions): NotificationWiring {
  const { stores, clock } = options;
  const unreadSignal = new UnreadSignal();
  const notifications = new NotificationService({
    store: stores.notifications,
    pages: options.pages,
    spaces: options.spaces,
    people: options.people,
    policy: options.policy,
    clock,
    onChange: (userId) => unreadSignal.notify(userId),
    sendsEmail: options.sendsEmail,
  });
  const watches = new WatchService({
    store: stores.watches,
    pages: options.pages,
    spaces: options.spaces,
    policy: options.policy,
    clock,
    settingsOf: (userIds) => notifications.settingsOf(userIds),
  });
  const changes = new PageChangeReader(stores.revisions, (pageId) =>
    readPageDocument(options.collab, options.documents, pageId, readPageState),
  );
  return {
    notifications,
    watches,
    unreadSignal,
    module: {
      name: 'notifications',
      routes: [...notificationRoutes, ...watchRoutes],
      consumers: [
        autoWatchConsumer({ watches, changes }),
        pageChangedConsumer({
          pages: options.pages,
          watches: stores.watches,
          store: stores.notifications,
          notifications,
          changes,
          windowMs: options.config.watchWindowMs,
          minChangeChars: options.config.minChangeChars,
        }),
        pageSharedConsumer({ access: stores.access, notifications }),
        pageMentionsConsumer({ pages: options.pages, notifications, changes }),
        commentNotificationsConsumer({
          discussion: stores.discussion,
          watches: stores.watches,
          watching: watches,
          pages: options.pages,
          notifications,
        }),
      ],
    },
  };
}
