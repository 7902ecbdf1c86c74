import type { CollabServer } from '@lore/collab';
import type {
  AccessPolicy,
  AccountService,
  AttachmentService,
  AuditService,
  AuditTrail,
  DiscussionService,
  DocumentStore,
  EventDispatcher,
  GroupService,
  HomeService,
  LoginThrottle,
  MentionDirectory,
  NotificationService,
  PageLinkService,
  PageRestrictionService,
  PageService,
  PageStore,
  RevisionService,
  ShareService,
  SpaceActivityService,
  SpaceMemberService,
  SpaceSettingsService,
  SpaceStore,
  TagService,
  WatchService,
} from '@lore/core';
import type { Db } from '@lore/store-sqlite';
import type { RequestOrigin } from './audit/RequestOrigin';
import type { Config } from './config';
import type { ThreadSignal } from './discussion/ThreadSignal';
import type { PageLinkIndexer } from './links/PageLinkIndexer';
import type { MailServices } from './mail/MailServices';
import type { NotificationEmailSender } from './notifications/NotificationEmailSender';
import type { UnreadSignal } from './notifications/UnreadSignal';
import type { SearchServices } from './search/SearchServices';
import type { SsoServices } from './sso/SsoServices';
import type { Storage } from './storage/Storage';
import type { TransferServices } from './transfer/TransferServices';

/** Everything a route handler or command may call, wired once by the runtime (`createLore`). */
export interface Services {
  readonly config: Config;
  /** Every store, on the configured database. */
  readonly storage: Storage;
  /** The SQLite database, for SQLite-only tools and tests; throws on PostgreSQL. */
  readonly db: Db;
  readonly accounts: AccountService;
  readonly pages: PageService;
  /** Lore's one access rule: who may read, comment, edit or administer what. */
  readonly access: AccessPolicy;
  /** Groups of people (workspace admins manage them). */
  readonly groups: GroupService;
  /** Who is a member of a space, with which role. */
  readonly spaceMembers: SpaceMemberService;
  /** A space's name, description, visibility and default role. */
  readonly spaceSettings: SpaceSettingsService;
  /** Page restrictions: a page and its subpages limited to fewer people. */
  readonly pageRestrictions: PageRestrictionService;
  /** Public share links: making and revoking them, and what a visitor holding one may see. */
  readonly shares: ShareService;
  /** Comment threads, replies and reactions on pages. */
  readonly discussion: DiscussionService;
  /** Wakes this process's live comment streams when a page's discussion changes. */
  readonly threadSignal: ThreadSignal;
  /** Who can be mentioned on a page, and what mentioning them runs into. */
  readonly mentions: MentionDirectory;
  /** The inbox: notifications, their unread count and each person's settings. */
  readonly notifications: NotificationService;
  /** Who watches which pages and spaces; when people last opened pages. */
  readonly watches: WatchService;
  /** Wakes this process's live unread counts when someone's notifications change. */
  readonly unreadSignal: UnreadSignal;
  /** Home and "changed since your last visit". */
  readonly home: HomeService;
  /** What happened in each space, as each reader may see it. */
  readonly spaceActivity: SpaceActivityService;
  /** Direct page lookups for the websocket door, which authorizes before any domain call. */
  readonly pageStore: PageStore;
  /** Every space, for work over the whole wiki (`lore doctor`). */
  readonly spaceStore: SpaceStore;
  /** Stored page documents, read without loading a room (see `readPageDocument`). */
  readonly documents: DocumentStore;
  /** Live editing rooms, e.g. to close a page's sockets when it is trashed. */
  readonly collab: CollabServer<unknown>;
  /** Backoff of failed sign-ins per client address and per account. */
  readonly loginByAddress: LoginThrottle;
  readonly loginByEmail: LoginThrottle;
  /** Page history: revisions, diffs, restore, authorship. */
  readonly revisions: RevisionService;
  /** Search, glossary and search analytics. */
  readonly search: SearchServices;
  /** Single sign-on through an OpenID Connect provider; null when none is configured. */
  readonly sso: SsoServices | null;
  /** Files attached to pages. */
  readonly attachments: AttachmentService;
  /** The links index kept from documents (by the `page-links` consumer); `reindexAll` rebuilds it. */
  readonly links: PageLinkIndexer;
  /** Backlinks and broken links, read from the links index. */
  readonly pageLinks: PageLinkService;
  /** Markdown import and export. */
  readonly transfer: TransferServices;
  /** Page tags. */
  readonly tags: TagService;
  /** The domain-event outbox's delivery: consumer status, dead letters, replay. */
  readonly events: EventDispatcher;
  /** Outgoing email: the mailer (null when off), unsubscribe links and where they take effect. */
  readonly mail: MailServices;
  /** Sends notification emails when they are due; null when email is off. */
  readonly notificationEmails: NotificationEmailSender | null;
  /** Reading the audit log (workspace admins) and its retention. */
  readonly audit: AuditService;
  /** Records actions that change nothing (failed sign-ins, exports) in the audit log. */
  readonly auditTrail: AuditTrail;
  /** The request in progress, whose address and user agent audit records carry. */
  readonly requestOrigin: RequestOrigin;
}
