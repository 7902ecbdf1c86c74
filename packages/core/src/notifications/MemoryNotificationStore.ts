import type { FinishedEmailState, Notification, NotificationKind } from './Notification';
import type { NotificationSettings } from './NotificationSettings';
import type {
  EmailRecipient,
  NotificationListQuery,
  NotificationStore,
  UnreadOfPage,
} from './NotificationStore';

const oldestFirst = (a: Notification, b: Notification) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const newestFirst = (a: Notification, b: Notification) =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

const unread = (notification: Notification) =>
  notification.inApp && notification.readAt === null && notification.archivedAt === null;

/** `NotificationStore` in memory, for tests of the service. */
export class MemoryNotificationStore implements NotificationStore {
  readonly #notifications = new Map<string, Notification>();
  readonly #keys = new Set<string>();
  readonly #settings = new Map<string, NotificationSettings>();
  /** Until when each held (or retried) pending email is out of reach. */
  readonly #leases = new Map<string, number>();

  addNotifications(notifications: readonly Notification[]): number {
    let added = 0;
    for (const notification of notifications) {
      const key = `${notification.userId}\u0000${notification.dedupeKey}`;
      if (this.#keys.has(key) || this.#notifications.has(notification.id)) continue;
      this.#keys.add(key);
      this.#notifications.set(notification.id, notification);
      added++;
    }
    return added;
  }

  findNotification(id: string): Notification | null {
    return this.#notifications.get(id) ?? null;
  }

  listNotifications(userId: string, query: NotificationListQuery): Notification[] {
    const { before } = query;
    return [...this.#notifications.values()]
      .filter(
        (notification) =>
          notification.userId === userId &&
          notification.inApp &&
          (notification.archivedAt !== null) === query.archived &&
          (!before ||
            notification.createdAt < before.createdAt ||
            (notification.createdAt === before.createdAt && notification.id < before.id)),
      )
      .sort(newestFirst)
      .slice(0, query.limit);
  }

  unreadCount(userId: string): number {
    return this.#of(userId).filter(unread).length;
  }

  unreadByPage(userId: string): UnreadOfPage[] {
    const counts = new Map<string, UnreadOfPage>();
    for (const { pageId, spaceId } of this.#of(userId).filter(unread)) {
      const key = `${pageId} ${spaceId}`;
      counts.set(key, { pageId, spaceId, count: (counts.get(key)?.count ?? 0) + 1 });
    }
    return [...counts.values()];
  }

  markRead(userId: string, id: string, at: number): boolean {
    const notification = this.#notifications.get(id);
    if (!notification || notification.userId !== userId || notification.readAt !== null) {
      return false;
    }
    this.#notifications.set(id, { ...notification, readAt: at });
    return true;
  }

  markAllRead(userId: string, at: number): number {
    let marked = 0;
    for (const notification of this.#of(userId)) {
      if (notification.readAt !== null) continue;
      this.#notifications.set(notification.id, { ...notification, readAt: at });
      marked++;
    }
    return marked;
  }

  archive(userId: string, id: string, at: number): boolean {
    const notification = this.#notifications.get(id);
    if (!notification || notification.userId !== userId || notification.archivedAt !== null) {
      return false;
    }
    this.#notifications.set(id, {
      ...notification,
      archivedAt: at,
      readAt: notification.readAt ?? at,
    });
    return true;
  }

  lastNotifiedAt(
    pageId: string,
    kind: NotificationKind,
    userIds: readonly string[],
  ): Map<string, number> {
    const wanted = new Set(userIds);
    const latest = new Map<string, number>();
    for (const notification of this.#notifications.values()) {
      if (
        notification.pageId !== pageId ||
        notification.kind !== kind ||
        !wanted.has(notification.userId)
      ) {
        continue;
      }
      const known = latest.get(notification.userId);
      if (known === undefined || notification.createdAt > known) {
        latest.set(notification.userId, notification.createdAt);
      }
    }
    return latest;
  }

  listEmailRecipients(now: number, limit: number): EmailRecipient[] {
    const oldest = new Map<string, number>();
    for (const notification of this.#waiting(now)) {
      const known = oldest.get(notification.userId);
      if (known === undefined || notification.createdAt < known) {
        oldest.set(notification.userId, notification.createdAt);
      }
    }
    return [...oldest]
      .map(([userId, oldestAt]) => ({ userId, oldestAt }))
      .sort((a, b) => a.oldestAt - b.oldestAt || (a.userId < b.userId ? -1 : 1))
      .slice(0, limit);
  }

  claimEmails(userId: string, now: number, leaseUntil: number, limit: number): Notification[] {
    const claimed = this.#waiting(now)
      .filter((notification) => notification.userId === userId)
      .sort(oldestFirst)
      .slice(0, limit);
    for (const notification of claimed) this.#leases.set(notification.id, leaseUntil);
    return claimed;
  }

  finishEmails(ids: readonly string[], state: FinishedEmailState, at: number): number {
    let finished = 0;
    for (const id of new Set(ids)) {
      const notification = this.#notifications.get(id);
      if (notification?.emailState !== 'pending') continue;
      this.#notifications.set(id, { ...notification, emailState: state, emailedAt: at });
      this.#leases.delete(id);
      finished++;
    }
    return finished;
  }

  retryEmailsAt(ids: readonly string[], retryAt: number): void {
    for (const id of ids) {
      if (this.#notifications.get(id)?.emailState === 'pending') this.#leases.set(id, retryAt);
    }
  }

  findSettings(userId: string): NotificationSettings | null {
    return this.#settings.get(userId) ?? null;
  }

  listSettings(userIds: readonly string[]): Map<string, NotificationSettings> {
    const found = new Map<string, NotificationSettings>();
    for (const userId of userIds) {
      const settings = this.#settings.get(userId);
      if (settings) found.set(userId, settings);
    }
    return found;
  }

  saveSettings(userId: string, settings: NotificationSettings, _at: number): void {
    this.#settings.set(userId, settings);
  }

  transaction<T>(work: () => T): T {
    return work();
  }

  /** Pending emails no one holds at `now`. */
  #waiting(now: number): Notification[] {
    return [...this.#notifications.values()].filter(
      (notification) =>
        notification.emailState === 'pending' && (this.#leases.get(notification.id) ?? 0) <= now,
    );
  }

  #of(userId: string): Notification[] {
    return [...this.#notifications.values()].filter(
      (notification) => notification.userId === userId,
    );
  }
}
