import type { PageWatcher, Watch, WatchStore, WatchTargetKind } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

const tableOf = { page: 'page_watches', space: 'space_watches' } as const;
const columnOf = { page: 'page_id', space: 'space_id' } as const;

/** `WatchStore` on PostgreSQL (migration 0013). */
export class PostgresWatchStore implements WatchStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  watch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean {
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
       SELECT $1, user_id, $3 FROM unnest($2::text[]) AS user_id
       ON CONFLICT DO NOTHING`,
      [targetId, userIds, at],
    );
  }

  unwatch(userId: string, kind: WatchTargetKind, targetId: string): boolean {
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

  recordView(userId: string, pageId: string, at: number): void {
    this.#db.run(
      `INSERT INTO page_last_views (page_id, user_id, viewed_at) VALUES ($1, $2, $3)
       ON CONFLICT (page_id, user_id)
       DO UPDATE SET viewed_at = GREATEST(page_last_views.viewed_at, excluded.viewed_at)`,
      [pageId, userId, at],
    );
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
