import type { Page, PagePlacement, PageStore } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

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

const columns = `id, short_id, space_id, parent_id, position, title, icon, created_by, created_at,
  updated_by, updated_at, deleted_at, deleted_by`;

/**
 * `PageStore` on the Lore PostgreSQL database. Positions, ids and titles are COLLATE "C" in the
 * schema, so sibling order and ties are byte order, as in SQLite.
 */
export class PostgresPageStore implements PageStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  insertPage(page: Page): void {
    this.#db.run(
      `INSERT INTO pages (${columns})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        page.id,
        page.shortId,
        page.spaceId,
        page.parentId,
        page.position,
        page.title,
        page.icon,
        page.createdBy,
        page.createdAt,
        page.updatedBy,
        page.updatedAt,
        page.deletedAt,
        page.deletedBy,
      ],
    );
  }

  findPageById(id: string): Page | null {
    const row = this.#db.one<PageRow>(`SELECT ${columns} FROM pages WHERE id = $1`, [id]);
    return row ? toPage(row) : null;
  }

  findPageByShortId(shortId: string): Page | null {
    const row = this.#db.one<PageRow>(`SELECT ${columns} FROM pages WHERE short_id = $1`, [
      shortId,
    ]);
    return row ? toPage(row) : null;
  }

  listPagesInSpace(spaceId: string): Page[] {
    return this.#db
      .query<PageRow>(`SELECT ${columns} FROM pages WHERE space_id = $1`, [spaceId])
      .map(toPage);
  }

  lastChildPosition(spaceId: string, parentId: string | null): string | null {
    const row =
      parentId === null
        ? this.#db.one<{ position: string | null }>(
            `SELECT max(position) AS position FROM pages
             WHERE space_id = $1 AND parent_id IS NULL AND deleted_at IS NULL`,
            [spaceId],
          )
        : this.#db.one<{ position: string | null }>(
            `SELECT max(position) AS position FROM pages
             WHERE space_id = $1 AND parent_id = $2 AND deleted_at IS NULL`,
            [spaceId, parentId],
          );
    return row?.position ?? null;
  }

  updateTitle(id: string, title: string, by: string, at: number): void {
    // '' is how a page reads when nobody (or a deleted account) last changed it: store it as null.
    this.#db.run('UPDATE pages SET title = $1, updated_by = $2, updated_at = $3 WHERE id = $4', [
      title,
      by === '' ? null : by,
      at,
      id,
    ]);
  }

  setDeleted(id: string, deleted: { at: number; by: string } | null): void {
    this.#db.run('UPDATE pages SET deleted_at = $1, deleted_by = $2 WHERE id = $3', [
      deleted?.at ?? null,
      deleted?.by ?? null,
      id,
    ]);
  }

  listChildren(spaceId: string, parentId: string | null): Page[] {
    // Two statements rather than `IS NOT DISTINCT FROM`, which no index can serve.
    const rows =
      parentId === null
        ? this.#db.query<PageRow>(
            `SELECT ${columns} FROM pages
             WHERE space_id = $1 AND parent_id IS NULL AND deleted_at IS NULL
             ORDER BY position, id`,
            [spaceId],
          )
        : this.#db.query<PageRow>(
            `SELECT ${columns} FROM pages
             WHERE space_id = $1 AND parent_id = $2 AND deleted_at IS NULL
             ORDER BY position, id`,
            [spaceId, parentId],
          );
    return rows.map(toPage);
  }

  listDescendantIds(id: string): string[] {
    // UNION, not UNION ALL: a cycle in damaged data ends the walk instead of looping.
    return this.#db
      .query<{ id: string }>(
        `WITH RECURSIVE below (id) AS (
           SELECT id FROM pages WHERE parent_id = $1
           UNION SELECT p.id FROM pages p JOIN below b ON p.parent_id = b.id
         )
         SELECT id FROM below`,
        [id],
      )
      .map((row) => row.id);
  }

  placePage(id: string, placement: PagePlacement, by: string, at: number): void {
    this.#db.run(
      `UPDATE pages SET space_id = $1, parent_id = $2, position = $3, updated_by = $4,
              updated_at = $5
       WHERE id = $6`,
      [placement.spaceId, placement.parentId, placement.position, by, at, id],
    );
  }

  setSpace(ids: readonly string[], spaceId: string): void {
    if (ids.length === 0) return;
    this.#db.run('UPDATE pages SET space_id = $1 WHERE id = ANY($2::text[])', [spaceId, ids]);
  }

  setIcon(id: string, icon: string | null, by: string, at: number): void {
    this.#db.run('UPDATE pages SET icon = $1, updated_by = $2, updated_at = $3 WHERE id = $4', [
      icon,
      by,
      at,
      id,
    ]);
  }

  findPagesByTitle(fragment: string, limit: number): Page[] {
    const pattern = `%${fragment.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    // Both sides lowered under "C", which folds ASCII letters only, like SQLite's LIKE.
    return this.#db
      .query<PageRow>(
        `SELECT ${columns} FROM pages
         WHERE deleted_at IS NULL AND lower(title) LIKE lower($1::text COLLATE "C") ESCAPE '\\'
         ORDER BY updated_at DESC, id
         LIMIT $2`,
        [pattern, limit],
      )
      .map(toPage);
  }

  transaction<T>(work: () => T): T {
    return this.#db.transaction(work);
  }
}
