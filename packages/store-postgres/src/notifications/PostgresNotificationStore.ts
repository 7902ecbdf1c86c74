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
import type { PostgresDatabase } from '../PostgresDatabase';

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
  in_app: boolean;
  email: boolean;
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
  inApp: row.in_app,
  email: row.email,
  emailState: row.email_state as NotificationEmailState | null,
  emailedAt: row.emailed_at,
});

/** Pending email no one holds at the time given as `$1`. */
const waiting = `email_state = 'pending' AND coalesce(email_lease_until, 0) <= $1`;

const oldestFirst = (a: Notification, b: Notification) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const unread = 'read_at IS NULL AND archived_at IS NULL AND in_app';

/** Text form of a nullable number for an array parameter (`NULL` stays null after `::bigint[]`). */
const numberText = (value: number | null): string | null => (value === null ? null : String(value));

/** `NotificationStore` on PostgreSQL (migrations 0013 and 0015). */
export class PostgresNotificationStore implements NotificationStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  addNotifications(notifications: readonly Notification[]): number {
    if (notifications.length === 0) return 0;
    const column = <T>(pick: (notification: Notification) => T) => notifications.map(pick);
    // One statement for the whole fan-out: each column travels as one array parameter.
    const { rowCount } = this.#db.run(
      `INSERT INTO notifications (id, user_id, kind, page_id, space_id, actor_id, thread_id,
         comment_id, created_at, read_at, archived_at, dedupe_key, in_app, email, email_state,
         emailed_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
         $6::text[], $7::text[], $8::text[], $9::bigint[], $10::bigint[], $11::bigint[],
         $12::text[], $13::boolean[], $14::boolean[], $15::text[], $16::bigint[])
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [
        column((n) => n.id),
        column((n) => n.userId),
        column((n) => n.kind),
        column((n) => n.pageId) as string[],
        column((n) => n.spaceId),
        column((n) => n.actorId) as string[],
        column((n) => n.threadId) as string[],
        column((n) => n.commentId) as string[],
        column((n) => String(n.createdAt)),
        column((n) => numberText(n.readAt)) as string[],
        column((n) => numberText(n.archivedAt)) as string[],
        column((n) => n.dedupeKey),
        column((n) => String(n.inApp)),
        column((n) => String(n.email)),
        column((n) => n.emailState) as string[],
        column((n) => numberText(n.emailedAt)) as string[],
      ],
    );
    return rowCount;
  }

  findNotification(id: string): Notification | null {
    const row = this.#db.one<NotificationRow>('SELECT * FROM notifications WHERE id = $1', [id]);
    return row ? toNotification(row) : null;
  }

  listNotifications(userId: string, query: NotificationListQuery): Notification[] {
    const before = query.before;
    return this.#db
      .query<NotificationRow>(
        `SELECT * FROM notifications
         WHERE user_id = $1 AND in_app AND (archived_at IS NOT NULL) = $2
           ${before ? 'AND (created_at < $4 OR (created_at = $4 AND id < $5 COLLATE "C"))' : ''}
         ORDER BY created_at DESC, id COLLATE "C" DESC LIMIT $3`,
        before
          ? [userId, query.archived, query.limit, before.createdAt, before.id]
          : [userId, query.archived, query.limit],
      )
      .map(toNotification);
  }

  unreadCount(userId: string): number {
    return (
      this.#db.one<{ n: number }>(
        `SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND ${unread}`,
        [userId],
      )?.n ?? 0
    );
  }

  unreadByPage(userId: string): UnreadOfPage[] {
    return this.#db
      .query<{ page_id: string | null; space_id: string; n: number }>(
        `SELECT page_id, space_id, count(*) AS n FROM notifications
         WHERE user_id = $1 AND ${unread} GROUP BY page_id, space_id`,
        [userId],
      )
      .map((row) => ({ pageId: row.page_id, spaceId: row.space_id, count: row.n }));
  }

  markRead(userId: string, id: string, at: number): boolean {
    const { rowCount } = this.#db.run(
      'UPDATE notifications SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL',
      [id, userId, at],
    );
    return rowCount === 1;
  }

  markAllRead(userId: string, at: number): number {
    return this.#db.run(
      'UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL',
      [userId, at],
    ).rowCount;
  }

  archive(userId: string, id: string, at: number): boolean {
    const { rowCount } = this.#db.run(
      `UPDATE notifications SET archived_at = $3, read_at = coalesce(read_at, $3)
       WHERE id = $1 AND user_id = $2 AND archived_at IS NULL`,
      [id, userId, at],
    );
    return rowCount === 1;
  }

  lastNotifiedAt(
    pageId: string,
    kind: NotificationKind,
    userIds: readonly string[],
  ): Map<string, number> {
    if (userIds.length === 0) return new Map();
    return new Map(
      this.#db
        .query<{ user_id: string; at: number }>(
          `SELECT user_id, max(created_at) AS at FROM notifications
           WHERE page_id = $1 AND kind = $2 AND user_id = ANY ($3::text[])
           GROUP BY user_id`,
          [pageId, kind, userIds],
        )
        .map((row) => [row.user_id, row.at]),
    );
  }

  listEmailRecipients(now: number, limit: number): EmailRecipient[] {
    return this.#db
      .query<{ user_id: string; oldest_at: number }>(
        `SELECT user_id, min(created_at) AS oldest_at FROM notifications WHERE ${waiting}
         GROUP BY user_id ORDER BY oldest_at, user_id COLLATE "C" LIMIT $2`,
        [now, limit],
      )
      .map((row) => ({ userId: row.user_id, oldestAt: row.oldest_at }));
  }

  claimEmails(userId: string, now: number, leaseUntil: number, limit: number): Notification[] {
    // Processes claiming at once skip each other's locked rows, and a locked row another
    // process leased meanwhile fails the condition re-checked under the lock: each row goes to
    // one process. The CTE is evaluated once (a `LIMIT` in `IN (…)` may not be).
    return this.#db
      .query<NotificationRow>(
        `WITH picked AS (
           SELECT id FROM notifications WHERE user_id = $2 AND ${waiting}
           ORDER BY created_at, id COLLATE "C" LIMIT $4 FOR UPDATE SKIP LOCKED)
         UPDATE notifications AS n SET email_lease_until = $3 FROM picked
         WHERE n.id = picked.id
         RETURNING n.*`,
        [now, userId, leaseUntil, limit],
      )
      .map(toNotification)
      .sort(oldestFirst);
  }

  finishEmails(ids: readonly string[], state: FinishedEmailState, at: number): number {
    if (ids.length === 0) return 0;
    return this.#db.run(
      `UPDATE notifications SET email_state = $1, emailed_at = $2, email_lease_until = NULL
       WHERE email_state = 'pending' AND id = ANY ($3::text[])`,
      [state, at, ids],
    ).rowCount;
  }

  retryEmailsAt(ids: readonly string[], retryAt: number): void {
    if (ids.length === 0) return;
    this.#db.run(
      `UPDATE notifications SET email_lease_until = $1
       WHERE email_state = 'pending' AND id = ANY ($2::text[])`,
      [retryAt, ids],
    );
  }

  findSettings(userId: string): NotificationSettings | null {
    return (
      this.#db.one<{ settings: NotificationSettings }>(
        'SELECT settings FROM notification_settings WHERE user_id = $1',
        [userId],
      )?.settings ?? null
    );
  }

  listSettings(userIds: readonly string[]): Map<string, NotificationSettings> {
    if (userIds.length === 0) return new Map();
    return new Map(
      this.#db
        .query<{ user_id: string; settings: NotificationSettings }>(
          'SELECT user_id, settings FROM notification_settings WHERE user_id = ANY ($1::text[])',
          [userIds],
        )
        .map((row) => [row.user_id, row.settings]),
    );
  }

  saveSettings(userId: string, settings: NotificationSettings, at: number): void {
    this.#db.run(
      `INSERT INTO notification_settings (user_id, settings, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings,
         updated_at = excluded.updated_at`,
      [userId, JSON.stringify(settings), at],
    );
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work);
  }
}
