import type { CollabServer } from '@lore/collab';
import {
  type AccessPolicy,
  type AccountStore,
  type AuditLog,
  type Clock,
  type DiscussionStore,
  type DocumentStore,
  HomeService,
  type NotificationService,
  type PageStore,
  type RevisionStore,
  SpaceActivityService,
  type SpaceActivityStore,
  type SpaceStore,
  type WatchService,
  type WatchStore,
} from '@lore/core';
import { readPageDocument, readPageState } from '@lore/page-document';
import { PageChangeReader } from '../notifications/PageChangeReader';
import { homeRoutes } from '../routes/homeRoutes';
import type { LoreModule } from '../runtime/LoreModule';
import { spaceActivityConsumer } from './spaceActivityConsumer';

export interface WireHomeOptions {
  readonly stores: {
    readonly spaceActivity: SpaceActivityStore;
    readonly watches: WatchStore;
    readonly revisions: RevisionStore;
    readonly discussion: Pick<DiscussionStore, 'findThread' | 'listCommentsOfThreads'>;
    readonly audit: Pick<AuditLog, 'query'>;
  };
  readonly notifications: NotificationService;
  readonly watches: WatchService;
  readonly pages: PageStore;
  readonly spaces: SpaceStore;
  readonly people: Pick<AccountStore, 'findUserById'>;
  readonly policy: AccessPolicy;
  readonly clock: Clock;
  readonly collab: CollabServer<unknown>;
  readonly documents: DocumentStore;
}

export interface HomeWiring {
  readonly home: HomeService;
  readonly spaceActivity: SpaceActivityService;
  readonly module: LoreModule;
}

/** Home, "since your last visit" and each space's activity (kept by a consumer of page events). */
export function wireHome(options: WireHomeOptions): HomeWiring {
  const { stores } = options;
  const home = new HomeService({
    watches: options.watches,
    watchStore: stores.watches,
    notifications: options.notifications,
    discussion: stores.discussion,
    pages: options.pages,
    spaces: options.spaces,
    people: options.people,
    audit: stores.audit,
    revisions: stores.revisions,
    policy: options.policy,
    clock: options.clock,
  });
  const spaceActivity = new SpaceActivityService({
    store: stores.spaceActivity,
    pages: options.pages,
    people: options.people,
    policy: options.policy,
  });
  const changes = new PageChangeReader(stores.revisions, (pageId) =>
    readPageDocument(options.collab, options.documents, pageId, readPageState),
  );
  return {
    home,
    spaceActivity,
    module: {
      name: 'home',
      routes: homeRoutes,
      consumers: [
        spaceActivityConsumer({ store: stores.spaceActivity, pages: options.pages, changes }),
      ],
    },
  };
}
