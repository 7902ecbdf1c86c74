import type { PageLineage, SearchPageFacts } from '@lore/core';
import type { Db } from '../openDatabase';

/** Facts about pages that only search uses, on the Lore database. */
export class SqliteSearchPageFacts implements SearchPageFacts {
  readonly #statements;

  constructor(db: Db) {
    this.#statements = {
      authors: db
        .prepare<[string], string>(
          'SELECT user_id FROM search_page_authors WHERE page_id = ? ORDER BY user_id',
        )
        .pluck(),
      views: db
        .prepare<[string], number>('SELECT views FROM search_page_views WHERE page_id = ?')
        .pluck(),
      addAuthor: db.prepare<[string, string]>(
        'INSERT OR IGNORE INTO search_page_authors (page_id, user_id) VALUES (?, ?)',
      ),
      addView: db.prepare<[string]>(
        `INSERT INTO search_page_views (page_id, views) VALUES (?, 1)
         ON CONFLICT (page_id) DO UPDATE SET views = views + 1`,
      ),
      lineage: db.prepare<[string], { id: string; title: string; deleted_at: number | null }>(
        `WITH RECURSIVE up (id, parent_id, title, deleted_at, depth) AS (
           SELECT id, parent_id, title, deleted_at, 0 FROM pages WHERE id = ?
           UNION ALL
           SELECT p.id, p.parent_id, p.title, p.deleted_at, up.depth + 1
           FROM pages p JOIN up ON p.id = up.parent_id
           WHERE up.depth < 100
         )
         SELECT id, title, deleted_at FROM up ORDER BY depth`,
      ),
      searchable: db
        .prepare<[], string>(
          `WITH RECURSIVE live (id, depth) AS (
             SELECT id, 0 FROM pages WHERE parent_id IS NULL AND deleted_at IS NULL
             UNION ALL
             SELECT p.id, live.depth + 1 FROM pages p JOIN live ON p.parent_id = live.id
             WHERE p.deleted_at IS NULL AND live.depth < 100
           )
           SELECT id FROM live`,
        )
        .pluck(),
    };
  }

  authors(pageId: string): string[] {
    return this.#statements.authors.all(pageId);
  }

  addAuthor(pageId: string, userId: string): void {
    this.#statements.addAuthor.run(pageId, userId);
  }

  views(pageId: string): number {
    return this.#statements.views.get(pageId) ?? 0;
  }

  addView(pageId: string): void {
    this.#statements.addView.run(pageId);
  }

  lineage(pageId: string): PageLineage[] {
    return this.#statements.lineage
      .all(pageId)
      .map((row) => ({ id: row.id, title: row.title, deletedAt: row.deleted_at }));
  }

  searchablePageIds(): string[] {
    return this.#statements.searchable.all();
  }
}
