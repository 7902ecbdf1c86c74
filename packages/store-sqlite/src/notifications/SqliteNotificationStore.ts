import type {
  EmailRecipient,
  FinishedEmailState,
  Notification,
  NotificationEmailState,
  NotificationKind,
  NotificationListQuery,
  NotificationSettings,
  NotificationStore,
  UnreadOfPage,
} from '@lore/core';
import type { Db } from '../openDatabase';

interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  page_id: string | null;
  space_id: string;
  actor_id: string | null;
  thread_id: string | null;
  comment_id: string | null;
  created_at: number;
  read_at: number | null;
  archived_at: number | null;
  dedupe_key: string;
  in_app: number;
  email: number;
  email_state: string | null;
  emailed_at: number | null;
}

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind as NotificationKind,
  pageId: row.page_id,
  spaceId: row.space_id,
  actorId: row.actor_id,
  threadId: row.thread_id,
  commentId: row.comment_id,
  createdAt: row.created_at,
  readAt: row.read_at,
  archivedAt: row.archived_at,
  dedupeKey: row.dedupe_key,
  inApp: row.in_app === 1,
  email: row.email === 1,
  emailState: row.email_state as NotificationEmailState | null,
  emailedAt: row.emailed_at,
});

/** Pending email no one holds at the time given as `@now`. */
const waiting = `email_state = 'pending' AND coalesce(email_lease_until, 0) <= @now`;

interface EmailRecipientRow {
  user_id: string;
  oldest_at: number;
}

/** `NotificationStore` on the Lore SQLite database (migrations 0019 and 0021). */
export class SqliteNotificationStore implements NotificationStore {
  readonly #db: Db;
  readonly #s;

  constructor(db: Db) {
    this.#db = db;
    this.#s = {
      insert: db.prepare(
        `INSERT INTO notifications (id, user_id, kind, page_id, space_id, actor_id, thread_id,
           comment_id, created_at, read_at, archived_at, dedupe_key, in_app, email, email_state,
           emailed_at)
         VALUES (@id, @userId, @kind, @pageId, @spaceId, @actorId, @threadId, @commentId,
           @createdAt, @readAt, @archivedAt, @dedupeKey, @inApp, @email, @emailState, @emailedAt)
         ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      ),
      byId: db.prepare<[string], NotificationRow>('SELECT * FROM notifications WHERE id = ?'),
      list: db.prepare<[string, number, number], NotificationRow>(
        `SELECT * FROM notifications
         WHERE user_id = ? AND in_app = 1 AND (archived_at IS NOT NULL) = ?
         ORDER BY created_at DESC, id DESC LIMIT ?`,
      ),
      listBefore: db.prepare<[string, number, number, number, string, number], NotificationRow>(
        `SELECT * FROM notifications
         WHERE user_id = ? AND in_app = 1 AND (archived_at IS NOT NULL) = ?
           AND (created_at < ? OR (created_at = ? AND id < ?))
         ORDER BY created_at DESC, id DESC LIMIT ?`,
      ),
      unread: db.prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM notifications
         WHERE user_id = ? AND read_at IS NULL AND archived_at IS NULL AND in_app = 1`,
      ),
      unreadByPage: db.prepare<[string], { page_id: string | null; space_id: string; n: number }>(
        `SELECT page_id, space_id, count(*) AS n FROM notifications
         WHERE user_id = ? AND read_at IS NULL AND archived_at IS NULL AND in_app = 1
         GROUP BY page_id, space_id`,
      ),
      markRead: db.prepare<[number, string, string]>(
        'UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL',
      ),
      markAllRead: db.prepare<[number, string]>(
        'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
      ),
      archive: db.prepare<[number, number, string, string]>(
        `UPDATE notifications SET archived_at = ?, read_at = coalesce(read_at, ?)
         WHERE id = ? AND user_id = ? AND archived_at IS NULL`,
      ),
      lastNotified: db.prepare<[string, string, string], { user_id: string; at: number }>(
        `SELECT user_id, max(created_at) AS at FROM notifications
         WHERE page_id = ? AND kind = ? AND user_id IN (SELECT value FROM json_each(?))
         GROUP BY user_id`,
      ),
      emailRecipients: db.prepare<{ now: number; limit: number }, EmailRecipientRow>(
        `SELECT user_id, min(created_at) AS oldest_at FROM notifications WHERE ${waiting}
         GROUP BY user_id ORDER BY oldest_at, user_id LIMIT @limit`,
      ),
      claimEmails: db.prepare<
        { userId: string; now: number; leaseUntil: number; limit: number },
        NotificationRow
      >(
        `UPDATE notifications SET email_lease_until = @leaseUntil
         WHERE id IN (SELECT id FROM notifications WHERE user_id = @userId AND ${waiting}
           ORDER BY created_at, id LIMIT @limit)
         RETURNING *`,
      ),
      finishEmails: db.prepare<[string, number, string]>(
        `UPDATE notifications SET email_state = ?, emailed_at = ?, email_lease_until = NULL
         WHERE email_state = 'pending' AND id IN (SELECT value FROM json_each(?))`,
      ),
      retryEmails: db.prepare<[number, string]>(
        `UPDATE notifications SET email_lease_until = ?
         WHERE email_state = 'pending' AND id IN (SELECT value FROM json_each(?))`,
      ),
      settings: db.prepare<[string], { settings: string }>(
        'SELECT settings FROM notification_settings WHERE user_id = ?',
      ),
      listSettings: db.prepare<[string], { user_id: string; settings: string }>(
        `SELECT user_id, settings FROM notification_settings
         WHERE user_id IN (SELECT value FROM json_each(?))`,
      ),
      saveSettings: db.prepare<[string, string, number]>(
        `INSERT INTO notification_settings (user_id, settings, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings,
           updated_at = excluded.updated_at`,
      ),
    };
  }

  addNotifications(notifications: readonly Notification[]): number {
    if (notifications.length === 0) return 0;
    // One transaction: the rows are written in one go, however many recipients there are.
    return this.#db.transaction(() => {
      let added = 0;
      for (const notification of notifications) {
        added += this.#s.insert.run({
          ...notification,
          inApp: notification.inApp ? 1 : 0,
          email: notification.email ? 1 : 0,
        }).changes;
      }
      return added;
    })();
  }

  findNotification(id: string): Notification | null {
    const row = this.#s.byId.get(id);
    return row ? toNotification(row) : null;
  }

  listNotifications(userId: string, query: NotificationListQuery): Notification[] {
    const archived = query.archived ? 1 : 0;
    const rows = query.before
      ? this.#s.listBefore.all(
          userId,
          archived,
          query.before.createdAt,
          query.before.createdAt,
          query.before.id,
          query.limit,
        )
      : this.#s.list.all(userId, archived, query.limit);
    return rows.map(toNotification);
  }

  unreadCount(userId: string): number {
    return this.#s.unread.get(userId)?.n ?? 0;
  }

  unreadByPage(userId: string): UnreadOfPage[] {
    return this.#s.unreadByPage
      .all(userId)
      .map((row) => ({ pageId: row.page_id, spaceId: row.space_id, count: row.n }));
  }

  markRead(userId: string, id: string, at: number): boolean {
    return this.#s.markRead.run(at, id, userId).changes === 1;
  }

  markAllRead(userId: string, at: number): number {
    return this.#s.markAllRead.run(at, userId).changes;
  }

  archive(userId: string, id: string, at: number): boolean {
    return this.#s.archive.run(at, at, id, userId).changes === 1;
  }

  lastNotifiedAt(
    pageId: string,
    kind: NotificationKind,
    userIds: readonly string[],
  ): Map<string, number> {
    if (userIds.length === 0) return new Map();
    return new Map(
      this.#s.lastNotified
        .all(pageId, kind, JSON.stringify(userIds))
        .map((row) => [row.user_id, row.at]),
    );
  }

  listEmailRecipients(now: number, limit: number): EmailRecipient[] {
    return this.#s.emailRecipients
      .all({ now, limit })
      .map((row) => ({ userId: row.user_id, oldestAt: row.oldest_at }));
  }

  claimEmails(userId: string, now: number, leaseUntil: number, limit: number): Notification[] {
    // One process owns an SQLite database: the update is the whole claim.
    return this.#s.claimEmails
      .all({ userId, now, leaseUntil, limit })
      .map(toNotification)
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  finishEmails(ids: readonly string[], state: FinishedEmailState, at: number): number {
    if (ids.length === 0) return 0;
    return this.#s.finishEmails.run(state, at, JSON.stringify(ids)).changes;
  }

  retryEmailsAt(ids: readonly string[], retryAt: number): void {
    if (ids.length > 0) this.#s.retryEmails.run(retryAt, JSON.stringify(ids));
  }

  findSettings(userId: string): NotificationSettings | null {
    const row = this.#s.settings.get(userId);
    return row ? (JSON.parse(row.settings) as NotificationSettings) : null;
  }

  listSettings(userIds: readonly string[]): Map<string, NotificationSettings> {
    if (userIds.length === 0) return new Map();
    return new Map(
      this.#s.listSettings
        .all(JSON.stringify(userIds))
        .map((row) => [row.user_id, JSON.parse(row.settings) as NotificationSettings]),
    );
  }

  saveSettings(userId: string, settings: NotificationSettings, at: number): void {
    this.#s.saveSettings.run(userId, JSON.stringify(settings), at);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}
