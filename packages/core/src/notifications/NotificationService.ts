import { randomUUID } from 'node:crypto';
import type { AccessPolicy } from '../access/AccessPolicy';
import type { AccountStore } from '../accounts/AccountStore';
import type { User, UserAccount } from '../accounts/User';
import type { Clock } from '../Clock';
import { NotFoundError, ValidationError } from '../DomainError';
import type { Page } from '../pages/Page';
import type { PageStore } from '../pages/PageStore';
import type { Space } from '../pages/Space';
import type { SpaceStore } from '../pages/SpaceStore';
import type { Notification, NotificationKind } from './Notification';
import {
  defaultNotificationSettings,
  mergeNotificationSettings,
  type NotificationSettings,
  type NotificationSettingsChanges,
} from './NotificationSettings';
import type { NotificationStore } from './NotificationStore';

export interface NotificationServiceOptions {
  readonly store: NotificationStore;
  readonly pages: Pick<PageStore, 'findPageById'>;
  readonly spaces: Pick<SpaceStore, 'findSpaceById'>;
  /** Recipients must still have an account that can sign in; actors are shown by name. */
  readonly people: Pick<AccountStore, 'findUserById' | 'listUsers'>;
  /** Every notification is about a page its recipient may read, when made and when shown. */
  readonly policy: AccessPolicy;
  readonly clock: Clock;
  /** Someone's notifications changed (for live unread counts in this process). */
  readonly onChange?: (userId: string) => void;
  /** Recipients decided and written at a time, between turns of the event loop. Default 50. */
  readonly chunkSize?: number;
  /**
   * Whether Lore sends email: when it does, a notification its recipient wants by email is made
   * with its email pending (in the same write), for the mail sender. Default false.
   */
  readonly sendsEmail?: boolean;
}

/** What to tell people about one thing that happened to a page (or to a space's membership). */
export interface NotifyInput {
  readonly kind: NotificationKind;
  /** The page; null for news about the space itself (`spaceId` then says which). */
  readonly pageId: string | null;
  readonly spaceId?: string;
  /** Who did it: never notified of their own action. */
  readonly actorId: string | null;
  readonly threadId?: string | null;
  readonly commentId?: string | null;
  readonly at: number;
  /** What happened, the same each time it is delivered (e.g. the event's kind and number). */
  readonly dedupeKey: string;
  readonly recipients: readonly string[];
}

/** A notification as its recipient sees it now: the page (or space) is one they may still read. */
export interface ListedNotification {
  readonly notification: Notification;
  /** Null for a notification about the space itself. */
  readonly page: Page | null;
  readonly space: Space;
  readonly actor: Pick<User, 'id' | 'displayName'> | null;
}

export interface NotificationList {
  readonly items: readonly ListedNotification[];
  /** Pass as `before` for the next (older) page; null when there is none. */
  readonly nextBefore: string | null;
}

export interface ListNotificationsOptions {
  readonly archived?: boolean;
  /** The id of the last notification of the previous page. */
  readonly before?: string;
  readonly limit?: number;
}

/** Unsubscribing from emails: of one kind, or of every kind. */
export type EmailUnsubscribeScope = NotificationKind | 'all';

/** What a notification is about: a page, or a space when `pageId` is null. */
interface Target {
  readonly pageId: string | null;
  readonly spaceId: string;
}

const targetKey = (target: Target) =>
  target.pageId === null ? `space ${target.spaceId}` : `page ${target.pageId}`;

/** Lets the event loop run what waits (socket messages) before going on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const defaultLimit = 50;
const maxLimit = 100;
/** Past this many recipients, people are read in one query rather than one each. */
const manyRecipients = 25;
const notificationNotFound = () => new NotFoundError('The notification', 'notification_not_found');

/**
 * The inbox: notifications made for people (deduplicated per recipient, only about pages they
 * may read, as their settings ask), listed with what a screen shows, read and archived; and each
 * person's settings. A notification whose page its recipient can no longer read is not shown and
 * not counted, so nothing about the page leaks.
 */
export class NotificationService {
  readonly #store: NotificationStore;
  readonly #pages: NotificationServiceOptions['pages'];
  readonly #spaces: NotificationServiceOptions['spaces'];
  readonly #people: NotificationServiceOptions['people'];
  readonly #policy: AccessPolicy;
  readonly #clock: Clock;
  readonly #onChange: (userId: string) => void;
  readonly #chunkSize: number;
  readonly #sendsEmail: boolean;

  constructor(options: NotificationServiceOptions) {
    this.#store = options.store;
    this.#pages = options.pages;
    this.#spaces = options.spaces;
    this.#people = options.people;
    this.#policy = options.policy;
    this.#clock = options.clock;
    this.#onChange = options.onChange ?? (() => {});
    this.#chunkSize = Math.max(1, options.chunkSize ?? 50);
    this.#sendsEmail = options.sendsEmail ?? false;
  }

  /**
   * Makes one notification per recipient who may read the page, can sign in, is not the actor and
   * wants this kind on some channel. Idempotent: the same `dedupeKey` adds nothing for someone
   * who has it. Returns the recipients notified now.
   *
   * Recipients are taken `chunkSize` at a time (one access decision and one insert each),
   * letting the process answer its sockets in between. A failure
   * part way leaves the chunks done; delivering the event again completes the rest.
   */
  async notify(input: NotifyInput): Promise<string[]> {
    const page = input.pageId === null ? null : this.#pages.findPageById(input.pageId);
    const space = this.#spaces.findSpaceById(page?.spaceId ?? input.spaceId ?? '');
    if ((input.pageId !== null && !page) || !space) return [];
    const candidates = [...new Set(input.recipients)].filter((id) => id !== input.actorId);
    if (candidates.length === 0) return [];
    const people = this.#accounts(candidates);
    const notified: string[] = [];
    for (let start = 0; start < candidates.length; start += this.#chunkSize) {
      if (start > 0) await nextTurn();
      const chunk = candidates.slice(start, start + this.#chunkSize);
      notified.push(...this.#notifyChunk(input, page, space, chunk, people));
    }
    return notified;
  }

  #notifyChunk(
    input: NotifyInput,
    page: Page | null,
    space: Space,
    candidates: readonly string[],
    people: ReadonlyMap<string, UserAccount>,
  ): string[] {
    const settings = this.settingsOf(candidates);
    const wanting: UserAccount[] = [];
    for (const userId of candidates) {
      const person = people.get(userId);
      if (!person || person.disabledAt !== null) continue;
      const channels = (settings.get(userId) ?? defaultNotificationSettings).channels[input.kind];
      if (channels.in_app || channels.email) wanting.push(person);
    }
    // One decision for the whole chunk: its reads are shared, not repeated per person.
    const access = page ? this.#policy.pageAccessOfPeople(wanting, page) : null;
    const made: Notification[] = [];
    for (const person of wanting) {
      const userId = person.id;
      const channels = (settings.get(userId) ?? defaultNotificationSettings).channels[input.kind];
      const readable = access
        ? (access.get(userId) ?? 'none') !== 'none'
        : this.#policy.spaceRole(person, space) !== null;
      if (!readable) continue;
      made.push({
        id: randomUUID(),
        userId,
        kind: input.kind,
        pageId: page?.id ?? null,
        spaceId: space.id,
        actorId: input.actorId,
        threadId: input.threadId ?? null,
        commentId: input.commentId ?? null,
        createdAt: input.at,
        readAt: null,
        archivedAt: null,
        dedupeKey: input.dedupeKey,
        inApp: channels.in_app,
        email: channels.email,
        emailState: channels.email && this.#sendsEmail ? 'pending' : null,
        emailedAt: null,
      });
    }
    if (made.length === 0) return [];
    this.#store.transaction(() => this.#store.addNotifications(made));
    const recipients = made.map((notification) => notification.userId);
    for (const userId of recipients) this.#onChange(userId);
    return recipients;
  }

  /** The person's inbox (or archive), newest first, without what they can no longer read. */
  list(actor: User, options: ListNotificationsOptions = {}): NotificationList {
    const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? defaultLimit)), maxLimit);
    let before: { createdAt: number; id: string } | undefined;
    if (options.before !== undefined) {
      const cursor = this.#store.findNotification(options.before);
      if (!cursor || cursor.userId !== actor.id) {
        throw new ValidationError('before: not one of your notifications.');
      }
      before = { createdAt: cursor.createdAt, id: cursor.id };
    }
    const rows = this.#store.listNotifications(actor.id, {
      archived: options.archived ?? false,
      limit,
      ...(before ? { before } : {}),
    });
    const readable = this.#readable(actor, rows);
    const names = new Map<string, Pick<User, 'id' | 'displayName'> | null>();
    const actorOf = (id: string | null) => {
      if (id === null) return null;
      if (!names.has(id)) {
        const person = this.#people.findUserById(id);
        names.set(id, person ? { id: person.id, displayName: person.displayName } : null);
      }
      return names.get(id) ?? null;
    };
    const items: ListedNotification[] = [];
    for (const notification of rows) {
      const found = readable.get(targetKey(notification));
      if (!found) continue;
      items.push({ notification, ...found, actor: actorOf(notification.actorId) });
    }
    return { items, nextBefore: rows.length === limit ? (rows.at(-1)?.id ?? null) : null };
  }

  /** Unread inbox notifications about pages the person may read now. */
  unreadCount(actor: User): number {
    const byPage = this.#store.unreadByPage(actor.id);
    const readable = this.#readable(actor, byPage);
    return byPage.reduce(
      (sum, entry) => sum + (readable.has(targetKey(entry)) ? entry.count : 0),
      0,
    );
  }

  markRead(actor: User, id: string): void {
    this.#own(actor, id);
    if (this.#store.markRead(actor.id, id, this.#clock.now())) this.#onChange(actor.id);
  }

  markAllRead(actor: User): number {
    const marked = this.#store.markAllRead(actor.id, this.#clock.now());
    if (marked > 0) this.#onChange(actor.id);
    return marked;
  }

  archive(actor: User, id: string): void {
    this.#own(actor, id);
    if (this.#store.archive(actor.id, id, this.#clock.now())) this.#onChange(actor.id);
  }

  /** The person's settings: what they chose over the defaults. */
  settings(actor: Pick<User, 'id'>): NotificationSettings {
    return this.settingsOf([actor.id]).get(actor.id) ?? defaultNotificationSettings;
  }

  /** Settings of several people at once (defaults for who never chose). */
  settingsOf(userIds: readonly string[]): Map<string, NotificationSettings> {
    const saved = this.#store.listSettings(userIds);
    return new Map(
      userIds.map((userId) => {
        const chosen = saved.get(userId);
        // Saved settings predate kinds added later: those get their defaults.
        return [
          userId,
          chosen
            ? mergeNotificationSettings(defaultNotificationSettings, chosen)
            : defaultNotificationSettings,
        ];
      }),
    );
  }

  updateSettings(
    actor: Pick<User, 'id'>,
    changes: NotificationSettingsChanges,
  ): NotificationSettings {
    return this.#store.transaction(() => {
      const next = mergeNotificationSettings(this.settings(actor), changes);
      this.#store.saveSettings(actor.id, next, this.#clock.now());
      return next;
    });
  }

  /** Stops emails of one kind (or all) for the person: what a mail's unsubscribe link does. */
  unsubscribeEmail(userId: string, scope: EmailUnsubscribeScope): void {
    const current = this.settings({ id: userId });
    const channels = Object.fromEntries(
      Object.keys(current.channels)
        .filter((kind) => scope === 'all' || kind === scope)
        .map((kind) => [kind, { email: false }]),
    );
    this.updateSettings({ id: userId }, { channels });
  }

  #own(actor: User, id: string): Notification {
    const notification = this.#store.findNotification(id);
    if (!notification || notification.userId !== actor.id) throw notificationNotFound();
    return notification;
  }

  /**
   * Of the pages (or spaces, for notifications about a space) of `targets`, those the actor may
   * read now, with their spaces, by `targetKey`.
   */
  #readable(
    actor: User,
    targets: readonly Target[],
  ): Map<string, { page: Page | null; space: Space }> {
    const readable = new Map<string, { page: Page | null; space: Space }>();
    for (const target of targets) {
      const key = targetKey(target);
      if (readable.has(key)) continue;
      if (target.pageId === null) {
        const space = this.#spaces.findSpaceById(target.spaceId);
        if (space && this.#policy.spaceRole(actor, space) !== null) {
          readable.set(key, { page: null, space });
        }
        continue;
      }
      const page = this.#pages.findPageById(target.pageId);
      if (!page || this.#policy.pageAccess(actor, page) === 'none') continue;
      const space = this.#spaces.findSpaceById(page.spaceId);
      if (space) readable.set(key, { page, space });
    }
    return readable;
  }

  #accounts(userIds: readonly string[]): Map<string, UserAccount> {
    if (userIds.length > manyRecipients) {
      const wanted = new Set(userIds);
      return new Map(
        this.#people
          .listUsers()
          .filter((person) => wanted.has(person.id))
          .map((person) => [person.id, person]),
      );
    }
    const found = new Map<string, UserAccount>();
    for (const userId of userIds) {
      const person = this.#people.findUserById(userId);
      if (person && person.deletedAt === null) found.set(userId, person);
    }
    return found;
  }
}
