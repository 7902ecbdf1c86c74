import type { PageWatcher, Watch, WatchStore, WatchTargetKind } from '@lore/core';
import type { Db } from '../openDatabase';

/** `WatchStore` on the Lore SQLite database (migration 0019). */
export class SqliteWatchStore implements WatchStore {
  readonly #db: Db;
  readonly #s;

  constructor(db: Db) {
    this.#db = db;
    this.#s = {
      watchPage: db.prepare<[string, string, number]>(
        'INSERT INTO page_watches (page_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      watchSpace: db.prepare<[string, string, number]>(
        'INSERT INTO space_watches (space_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      unwatchPage: db.prepare<[string, string]>(
        'DELETE FROM page_watches WHERE page_id = ? AND user_id = ?',
      ),
      unwatchSpace: db.prepare<[string, string]>(
        'DELETE FROM space_watches WHERE space_id = ? AND user_id = ?',
      ),
      isWatchingPage: db.prepare<[string, string], { found: number }>(
        'SELECT 1 AS found FROM page_watches WHERE page_id = ? AND user_id = ?',
      ),
      isWatchingSpace: db.prepare<[string, string], { found: number }>(
        'SELECT 1 AS found FROM space_watches WHERE space_id = ? AND user_id = ?',
      ),
      listWatches: db.prepare<
        [string, string],
        { kind: WatchTargetKind; target_id: string; created_at: number }
      >(
        `SELECT 'page' AS kind, page_id AS target_id, created_at FROM page_watches WHERE user_id = ?
         UNION ALL
         SELECT 'space', space_id, created_at FROM space_watches WHERE user_id = ?
         ORDER BY created_at DESC, kind, target_id`,
      ),
      watchers: db.prepare<
        [string, string, string],
        { user_id: string; via: WatchTargetKind; viewed_at: number | null }
      >(
        `SELECT w.user_id, min(w.via) AS via, v.viewed_at
         FROM (SELECT user_id, 'page' AS via FROM page_watches WHERE page_id = ?
               UNION ALL
               SELECT user_id, 'space' FROM space_watches WHERE space_id = ?) AS w
         LEFT JOIN page_last_views v ON v.page_id = ? AND v.user_id = w.user_id
         GROUP BY w.user_id
         ORDER BY w.user_id`,
      ),
      recordView: db.prepare<[string, string, number]>(
        `INSERT INTO page_last_views (page_id, user_id, viewed_at) VALUES (?, ?, ?)
         ON CONFLICT (page_id, user_id) DO UPDATE SET viewed_at = max(viewed_at, excluded.viewed_at)`,
      ),
      lastViewed: db.prepare<[string, string], { viewed_at: number }>(
        'SELECT viewed_at FROM page_last_views WHERE page_id = ? AND user_id = ?',
      ),
    };
  }

  watch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean {
    const statement = kind === 'page' ? this.#s.watchPage : this.#s.watchSpace;
    return statement.run(targetId, userId, at).changes === 1;
  }

  watchAll(userIds: readonly string[], kind: WatchTargetKind, targetId: string, at: number): void {
    if (userIds.length === 0) return;
    this.#db.transaction(() => {
      for (const userId of userIds) this.watch(userId, kind, targetId, at);
    })();
  }

  unwatch(userId: string, kind: WatchTargetKind, targetId: string): boolean {
    const statement = kind === 'page' ? this.#s.unwatchPage : this.#s.unwatchSpace;
    return statement.run(targetId, userId).changes === 1;
  }

  listWatches(userId: string): Watch[] {
    return this.#s.listWatches.all(userId, userId).map((row) => ({
      userId,
      kind: row.kind,
      targetId: row.target_id,
      createdAt: row.created_at,
    }));
  }

  isWatching(userId: string, kind: WatchTargetKind, targetId: string): boolean {
    const statement = kind === 'page' ? this.#s.isWatchingPage : this.#s.isWatchingSpace;
    return statement.get(targetId, userId) !== undefined;
  }

  listPageWatchers(pageId: string, spaceId: string): PageWatcher[] {
    return this.#s.watchers.all(pageId, spaceId, pageId).map((row) => ({
      userId: row.user_id,
      via: row.via,
      lastViewedAt: row.viewed_at,
    }));
  }

  recordView(userId: string, pageId: string, at: number): void {
    this.#s.recordView.run(pageId, userId, at);
  }

  lastViewedAt(userId: string, pageId: string): number | null {
    return this.#s.lastViewed.get(pageId, userId)?.viewed_at ?? null;
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}
