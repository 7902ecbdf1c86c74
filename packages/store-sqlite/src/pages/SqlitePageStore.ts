import type { Page, PagePlacement, PageStore } from '@lore/core';
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
      updateTitle: db.prepare<[string, string | null, number, string]>(
        'UPDATE pages SET title = ?, updated_by = ?, updated_at = ? WHERE id = ?',
      ),
      setDeleted: db.prepare<[number | null, string | null, string]>(
        'UPDATE pages SET deleted_at = ?, deleted_by = ? WHERE id = ?',
      ),
      children: db.prepare<[string, string | null], PageRow>(
        `SELECT * FROM pages WHERE space_id = ? AND parent_id IS ? AND deleted_at IS NULL
         ORDER BY position, id`,
      ),
      descendants: db.prepare<[string], { id: string }>(
        `WITH RECURSIVE below (id) AS (
           SELECT id FROM pages WHERE parent_id = ?
           UNION SELECT p.id FROM pages p JOIN below b ON p.parent_id = b.id
         )
         SELECT id FROM below`,
      ),
      place: db.prepare<[string, string | null, string, string, number, string]>(
        `UPDATE pages SET space_id = ?, parent_id = ?, position = ?, updated_by = ?, updated_at = ?
         WHERE id = ?`,
      ),
      setSpace: db.prepare<[string, string]>('UPDATE pages SET space_id = ? WHERE id = ?'),
      setIcon: db.prepare<[string | null, string, number, string]>(
        'UPDATE pages SET icon = ?, updated_by = ?, updated_at = ? WHERE id = ?',
      ),
      byTitle: db.prepare<[string, number], PageRow>(
        `SELECT * FROM pages WHERE deleted_at IS NULL AND title LIKE ? ESCAPE '\\'
         ORDER BY updated_at DESC, id LIMIT ?`,
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
    // '' is how a page reads when nobody (or a deleted account) last changed it: store it as null.
    this.#statements.updateTitle.run(title, by === '' ? null : by, at, id);
  }

  setDeleted(id: string, deleted: { at: number; by: string } | null): void {
    this.#statements.setDeleted.run(deleted?.at ?? null, deleted?.by ?? null, id);
  }

  listChildren(spaceId: string, parentId: string | null): Page[] {
    return this.#statements.children.all(spaceId, parentId).map(toPage);
  }

  listDescendantIds(id: string): string[] {
    return this.#statements.descendants.all(id).map((row) => row.id);
  }

  placePage(id: string, placement: PagePlacement, by: string, at: number): void {
    this.#statements.place.run(
      placement.spaceId,
      placement.parentId,
      placement.position,
      by,
      at,
      id,
    );
  }

  setSpace(ids: readonly string[], spaceId: string): void {
    for (const id of ids) this.#statements.setSpace.run(spaceId, id);
  }

  setIcon(id: string, icon: string | null, by: string, at: number): void {
    this.#statements.setIcon.run(icon, by, at, id);
  }

  findPagesByTitle(fragment: string, limit: number): Page[] {
    const pattern = `%${fragment.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    return this.#statements.byTitle.all(pattern, limit).map(toPage);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work).immediate();
  }
}
