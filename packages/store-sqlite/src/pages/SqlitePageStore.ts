import type { Page, PageStore } from '@lore/core';
import type { Db } from '../openDatabase';

interface PageRow {
  id: string;
  short_id: string;
  space_id: string;
  parent_id: string | null;
  position: string;
  title: string;
  icon: string | null;
  created_by: string | null;
  created_at: number;
  updated_by: string | null;
  updated_at: number;
  deleted_at: number | null;
  deleted_by: string | null;
}

const toPage = (row: PageRow): Page => ({
  id: row.id,
  shortId: row.short_id,
  spaceId: row.space_id,
  parentId: row.parent_id,
  position: row.position,
  title: row.title,
  icon: row.icon,
  createdBy: row.created_by ?? '',
  createdAt: row.created_at,
  updatedBy: row.updated_by ?? '',
  updatedAt: row.updated_at,
  deletedAt: row.deleted_at,
  deletedBy: row.deleted_by,
});

/** `PageStore` on the Lore SQLite database. */
export class SqlitePageStore implements PageStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      insert: db.prepare(
        `INSERT INTO pages (id, short_id, space_id, parent_id, position, title, icon, created_by,
                            created_at, updated_by, updated_at, deleted_at, deleted_by)
         VALUES (@id, @shortId, @spaceId, @parentId, @position, @title, @icon, @createdBy,
                 @createdAt, @updatedBy, @updatedAt, @deletedAt, @deletedBy)`,
      ),
      byId: db.prepare<[string], PageRow>('SELECT * FROM pages WHERE id = ?'),
      byShortId: db.prepare<[string], PageRow>('SELECT * FROM pages WHERE short_id = ?'),
      inSpace: db.prepare<[string], PageRow>('SELECT * FROM pages WHERE space_id = ?'),
      lastChild: db.prepare<[string, string | null], { position: string }>(
        `SELECT max(position) AS position FROM pages
         WHERE space_id = ? AND parent_id IS ? AND deleted_at IS NULL`,
      ),
      updateTitle: db.prepare<[string, string, number, string]>(
        'UPDATE pages SET title = ?, updated_by = ?, updated_at = ? WHERE id = ?',
      ),
      setDeleted: db.prepare<[number | null, string | null, string]>(
        'UPDATE pages SET deleted_at = ?, deleted_by = ? WHERE id = ?',
      ),
    };
  }

  insertPage(page: Page): void {
    this.#statements.insert.run(page);
  }

  findPageById(id: string): Page | null {
    const row = this.#statements.byId.get(id);
    return row ? toPage(row) : null;
  }

  findPageByShortId(shortId: string): Page | null {
    const row = this.#statements.byShortId.get(shortId);
    return row ? toPage(row) : null;
  }

  listPagesInSpace(spaceId: string): Page[] {
    return this.#statements.inSpace.all(spaceId).map(toPage);
  }

  lastChildPosition(spaceId: string, parentId: string | null): string | null {
    return this.#statements.lastChild.get(spaceId, parentId)?.position ?? null;
  }

  updateTitle(id: string, title: string, by: string, at: number): void {
    this.#statements.updateTitle.run(title, by, at, id);
  }

  setDeleted(id: string, deleted: { at: number; by: string } | null): void {
    this.#statements.setDeleted.run(deleted?.at ?? null, deleted?.by ?? null, id);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }
}
