import type { PageLineage, SearchPageFacts } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

/** Facts about pages that only search uses, on PostgreSQL. */
export class PostgresSearchPageFacts implements SearchPageFacts {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  authors(pageId: string): string[] {
    return this.#db
      .query<{ user_id: string }>(
        'SELECT user_id FROM search_page_authors WHERE page_id = $1 ORDER BY user_id COLLATE "C"',
        [pageId],
      )
      .map((row) => row.user_id);
  }

  addAuthor(pageId: string, userId: string): void {
    this.#db.run(
      `INSERT INTO search_page_authors (page_id, user_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [pageId, userId],
    );
  }

  views(pageId: string): number {
    return (
      this.#db.one<{ views: number }>('SELECT views FROM search_page_views WHERE page_id = $1', [
        pageId,
      ])?.views ?? 0
    );
  }

  /** Counts the view and queues the page for re-indexing (its popularity changed), at once. */
  addView(pageId: string): void {
    this.#db.run(
      `WITH counted AS (
         INSERT INTO search_page_views (page_id, views) VALUES ($1, 1)
         ON CONFLICT (page_id) DO UPDATE SET views = search_page_views.views + 1
         RETURNING page_id
       ),
       now AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms)
       INSERT INTO search_outbox (page_id, first_at, changed_at)
       SELECT counted.page_id, now.ms, now.ms FROM counted, now
       ON CONFLICT (page_id) DO UPDATE SET
         changed_at = excluded.changed_at, version = search_outbox.version + 1`,
      [pageId],
    );
  }

  lineage(pageId: string): PageLineage[] {
    return this.#db
      .query<{ id: string; title: string; deleted_at: number | null }>(
        `WITH RECURSIVE up (id, parent_id, title, deleted_at, depth) AS (
           SELECT id, parent_id, title, deleted_at, 0 FROM pages WHERE id = $1
           UNION ALL
           SELECT p.id, p.parent_id, p.title, p.deleted_at, up.depth + 1
           FROM pages p JOIN up ON p.id = up.parent_id
           WHERE up.depth < 100
         )
         SELECT id, title, deleted_at FROM up ORDER BY depth`,
        [pageId],
      )
      .map((row) => ({ id: row.id, title: row.title, deletedAt: row.deleted_at }));
  }

  searchablePageIds(): string[] {
    return this.#db
      .query<{ id: string }>(
        `WITH RECURSIVE live (id, depth) AS (
           SELECT id, 0 FROM pages WHERE parent_id IS NULL AND deleted_at IS NULL
           UNION ALL
           SELECT p.id, live.depth + 1 FROM pages p JOIN live ON p.parent_id = live.id
           WHERE p.deleted_at IS NULL AND live.depth < 100
         )
         SELECT id FROM live`,
      )
      .map((row) => row.id);
  }
}
