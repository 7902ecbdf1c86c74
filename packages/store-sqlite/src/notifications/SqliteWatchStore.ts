import type {
  PageView,
  PageVisit,
  PageWatcher,
  PopularPage,
  Watch,
  WatchStore,
  WatchTargetKind,
} from '@lore/core';
import type { Db } from '../openDatabase';

/** `WatchStore` on the Lore SQLite database (migrations 0019 and 0022). */
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
      clearUnwatch: db.prepare<[string, string]>(
        'DELETE FROM page_unwatches WHERE page_id = ? AND user_id = ?',
      ),
      rememberUnwatch: db.prepare<[string, string, number]>(
        `INSERT INTO page_unwatches (page_id, user_id, created_at) VALUES (?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
      autoWatchPage: db.prepare<[string, string, number, string, string]>(
        `INSERT INTO page_watches (page_id, user_id, created_at)
         SELECT ?, ?, ? WHERE NOT EXISTS
           (SELECT 1 FROM page_unwatches WHERE page_id = ? AND user_id = ?)
         ON CONFLICT DO NOTHING`,
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
      recordView: db.prepare<[string, string, number, number]>(
        `INSERT INTO page_last_views (page_id, user_id, viewed_at) VALUES (?, ?, ?)
         ON CONFLICT (page_id, user_id) DO UPDATE SET
           previous_viewed_at = CASE WHEN excluded.viewed_at - viewed_at > ?
             THEN viewed_at ELSE previous_viewed_at END,
           viewed_at = max(viewed_at, excluded.viewed_at)`,
      ),
      visit: db.prepare<[string, string], { viewed_at: number; previous_viewed_at: number | null }>(
        'SELECT viewed_at, previous_viewed_at FROM page_last_views WHERE page_id = ? AND user_id = ?',
      ),
      recentViews: db.prepare<[string, number], { page_id: string; viewed_at: number }>(
        `SELECT page_id, viewed_at FROM page_last_views WHERE user_id = ?
         ORDER BY viewed_at DESC, page_id LIMIT ?`,
      ),
      popular: db.prepare<
        [number, number],
        { page_id: string; viewers: number; last_viewed_at: number }
      >(
        `SELECT page_id, count(*) AS viewers, max(viewed_at) AS last_viewed_at
         FROM page_last_views WHERE viewed_at >= ?
         GROUP BY page_id
         ORDER BY viewers DESC, last_viewed_at DESC, page_id LIMIT ?`,
      ),
      lastViewed: db.prepare<[string, string], { viewed_at: number }>(
        'SELECT viewed_at FROM page_last_views WHERE page_id = ? AND user_id = ?',
      ),
    };
  }

  watch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean {
    if (kind === 'space') return this.#s.watchSpace.run(targetId, userId, at).changes === 1;
    return this.#db.transaction(() => {
      this.#s.clearUnwatch.run(targetId, userId);
      return this.#s.watchPage.run(targetId, userId, at).changes === 1;
    })();
  }

  watchAll(userIds: readonly string[], kind: WatchTargetKind, targetId: string, at: number): void {
    if (userIds.length === 0) return;
    this.#db.transaction(() => {
      for (const userId of userIds) {
        if (kind === 'space') this.#s.watchSpace.run(targetId, userId, at);
        else this.#s.autoWatchPage.run(targetId, userId, at, targetId, userId);
      }
    })();
  }

  unwatch(userId: string, kind: WatchTargetKind, targetId: string, at: number): boolean {
    if (kind === 'space') return this.#s.unwatchSpace.run(targetId, userId).changes === 1;
    return this.#db.transaction(() => {
      this.#s.rememberUnwatch.run(targetId, userId, at);
      return this.#s.unwatchPage.run(targetId, userId).changes === 1;
    })();
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

  recordView(userId: string, pageId: string, at: number, newVisitAfterMs: number): void {
    this.#s.recordView.run(pageId, userId, at, newVisitAfterMs);
  }

  pageVisit(userId: string, pageId: string): PageVisit | null {
    const row = this.#s.visit.get(pageId, userId);
    return row ? { lastViewedAt: row.viewed_at, previousViewedAt: row.previous_viewed_at } : null;
  }

  listRecentViews(userId: string, limit: number): PageView[] {
    return this.#s.recentViews
      .all(userId, limit)
      .map((row) => ({ pageId: row.page_id, viewedAt: row.viewed_at }));
  }

  listPopularPages(since: number, limit: number): PopularPage[] {
    return this.#s.popular.all(since, limit).map((row) => ({
      pageId: row.page_id,
      viewers: row.viewers,
      lastViewedAt: row.last_viewed_at,
    }));
  }

  lastViewedAt(userId: string, pageId: string): number | null {
    return this.#s.lastViewed.get(pageId, userId)?.viewed_at ?? null;
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work)();
  }
}
