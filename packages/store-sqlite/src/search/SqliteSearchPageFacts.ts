import type { Db } from '../openDatabase';

/** A page and its ancestors, nearest first, as search needs them. */
export interface PageLineage {
  readonly id: string;
  readonly title: string;
  readonly deletedAt: number | null;
}

/**
 * Facts about pages that only search uses, on the Lore database: who edited them (kept by the
 * search consumer), how often they were opened, their ancestry, and which pages are searchable.
 */
export class SqliteSearchPageFacts {
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

  /** Ids of the users who created or edited the page. */
  authors(pageId: string): string[] {
    return this.#statements.authors.all(pageId);
  }

  /** Records that someone created or changed the page, for the author filter. */
  addAuthor(pageId: string, userId: string): void {
    this.#statements.addAuthor.run(pageId, userId);
  }

  views(pageId: string): number {
    return this.#statements.views.get(pageId) ?? 0;
  }

  /** Counts an opening of the page (which re-indexes it with the new popularity). */
  addView(pageId: string): void {
    this.#statements.addView.run(pageId);
  }

  /** The page, then its parent, up to the top; empty when the page does not exist. */
  lineage(pageId: string): PageLineage[] {
    return this.#statements.lineage
      .all(pageId)
      .map((row) => ({ id: row.id, title: row.title, deletedAt: row.deleted_at }));
  }

  /** Every page that is neither in the trash nor below a page in the trash. */
  searchablePageIds(): string[] {
    return this.#statements.searchable.all();
  }
}
