import type {
  PageView,
  PageVisit,
  PageWatcher,
  PopularPage,
  Watch,
  WatchStore,
  WatchTargetKind,
} from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

const tableOf = { page: 'page_watches', space: 'space_watches' } as const;
const columnOf = { page: 'page_id', space: 'space_id' } as const;

/** `WatchStore` on PostgreSQL (migrations 0013 and 0016). */
export class PostgresWatchStore implements WatchStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  watch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean {
    if (kind === 'page') {
      return this.#db.transaction(() => {
        this.#db.run('DELETE FROM page_unwatches WHERE page_id = $1 AND user_id = $2', [
          targetId,
          userId,
        ]);
        return this.#insertWatch(userId, kind, targetId, at);
      });
    }
    return this.#insertWatch(userId, kind, targetId, at);
  }

  #insertWatch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean {
    const { rowCount } = this.#db.run(
      `INSERT INTO ${tableOf[kind]} (${columnOf[kind]}, user_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [targetId, userId, at],
    );
    return rowCount === 1;
  }

  watchAll(userIds: readonly string[], kind: WatchTargetKind, targetId: string, at: number): void {
    if (userIds.length === 0) return;
    this.#db.run(
      `INSERT INTO ${tableOf[kind]} (${columnOf[kind]}, user_id, created_at)
       SELECT $1, w.user_id, $3 FROM unnest($2::text[]) AS w (user_id)
       WHERE $4::text = 'space' OR NOT EXISTS
         (SELECT 1 FROM page_unwatches u WHERE u.page_id = $1 AND u.user_id = w.user_id)
       ON CONFLICT DO NOTHING`,
      [targetId, userIds, at, kind],
    );
  }

  unwatch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean {
    if (kind === 'page') {
      return this.#db.transaction(() => {
        this.#db.run(
          `INSERT INTO page_unwatches (page_id, user_id, created_at) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [targetId, userId, at],
        );
        return this.#deleteWatch(userId, kind, targetId);
      });
    }
    return this.#deleteWatch(userId, kind, targetId);
  }

  #deleteWatch(userId: string, kind: WatchTargetKind, targetId: string): boolean {
    const { rowCount } = this.#db.run(
      `DELETE FROM ${tableOf[kind]} WHERE ${columnOf[kind]} = $1 AND user_id = $2`,
      [targetId, userId],
    );
    return rowCount === 1;
  }

  listWatches(userId: string): Watch[] {
    return this.#db
      .query<{ kind: WatchTargetKind; target_id: string; created_at: number }>(
        `SELECT kind, target_id, created_at FROM (
           SELECT 'page' AS kind, page_id AS target_id, created_at FROM page_watches WHERE user_id = $1
           UNION ALL
           SELECT 'space', space_id, created_at FROM space_watches WHERE user_id = $1
         ) AS watches
         ORDER BY created_at DESC, kind COLLATE "C", target_id COLLATE "C"`,
        [userId],
      )
      .map((row) => ({
        userId,
        kind: row.kind,
        targetId: row.target_id,
        createdAt: row.created_at,
      }));
  }

  isWatching(userId: string, kind: WatchTargetKind, targetId: string): boolean {
    return (
      this.#db.one(
        `SELECT 1 AS found FROM ${tableOf[kind]} WHERE ${columnOf[kind]} = $1 AND user_id = $2`,
        [targetId, userId],
      ) !== null
    );
  }

  listPageWatchers(pageId: string, spaceId: string): PageWatcher[] {
    return this.#db
      .query<{ user_id: string; via: WatchTargetKind; viewed_at: number | null }>(
        `SELECT w.user_id, min(w.via COLLATE "C") AS via, max(v.viewed_at) AS viewed_at
         FROM (SELECT user_id, 'page' AS via FROM page_watches WHERE page_id = $1
               UNION ALL
               SELECT user_id, 'space' FROM space_watches WHERE space_id = $2) AS w
         LEFT JOIN page_last_views v ON v.page_id = $1 AND v.user_id = w.user_id
         GROUP BY w.user_id
         ORDER BY w.user_id COLLATE "C"`,
        [pageId, spaceId],
      )
      .map((row) => ({ userId: row.user_id, via: row.via, lastViewedAt: row.viewed_at }));
  }

  recordView(userId: string, pageId: string, at: number, newVisitAfterMs: number): void {
    this.#db.run(
      `INSERT INTO page_last_views (page_id, user_id, viewed_at) VALUES ($1, $2, $3)
       ON CONFLICT (page_id, user_id) DO UPDATE SET
         previous_viewed_at = CASE WHEN excluded.viewed_at - page_last_views.viewed_at > $4
           THEN page_last_views.viewed_at ELSE page_last_views.previous_viewed_at END,
         viewed_at = GREATEST(page_last_views.viewed_at, excluded.viewed_at)`,
      [pageId, userId, at, newVisitAfterMs],
    );
  }

  pageVisit(userId: string, pageId: string): PageVisit | null {
    const row = this.#db.one<{ viewed_at: number; previous_viewed_at: number | null }>(
      'SELECT viewed_at, previous_viewed_at FROM page_last_views WHERE page_id = $1 AND user_id = $2',
      [pageId, userId],
    );
    return row ? { lastViewedAt: row.viewed_at, previousViewedAt: row.previous_viewed_at } : null;
  }

  listRecentViews(userId: string, limit: number): PageView[] {
    return this.#db
      .query<{ page_id: string; viewed_at: number }>(
        `SELECT page_id, viewed_at FROM page_last_views WHERE user_id = $1
         ORDER BY viewed_at DESC, page_id COLLATE "C" LIMIT $2`,
        [userId, limit],
      )
      .map((row) => ({ pageId: row.page_id, viewedAt: row.viewed_at }));
  }

  listPopularPages(since: number, limit: number): PopularPage[] {
    return this.#db
      .query<{ page_id: string; viewers: number; last_viewed_at: number }>(
        `SELECT page_id, count(*)::int AS viewers, max(viewed_at) AS last_viewed_at
         FROM page_last_views WHERE viewed_at >= $1
         GROUP BY page_id
         ORDER BY viewers DESC, last_viewed_at DESC, page_id COLLATE "C" LIMIT $2`,
        [since, limit],
      )
      .map((row) => ({
        pageId: row.page_id,
        viewers: row.viewers,
        lastViewedAt: row.last_viewed_at,
      }));
  }

  lastViewedAt(userId: string, pageId: string): number | null {
    return (
      this.#db.one<{ viewed_at: number }>(
        'SELECT viewed_at FROM page_last_views WHERE page_id = $1 AND user_id = $2',
        [pageId, userId],
      )?.viewed_at ?? null
    );
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work);
  }
}
