import type { DefaultSpaceRole, Space, SpaceStore, SpaceVisibility } from '@lore/core';
import type { Db } from '../openDatabase';

interface SpaceRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: SpaceVisibility;
  default_role: DefaultSpaceRole;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

const toSpace = (row: SpaceRow): Space => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  description: row.description,
  visibility: row.visibility,
  defaultRole: row.default_role,
  createdBy: row.created_by ?? '',
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** `SpaceStore` on the Lore SQLite database. */
export class SqliteSpaceStore implements SpaceStore {
  readonly #statements;

  constructor(db: Db) {
    this.#statements = {
      insert: db.prepare(
        `INSERT INTO spaces (id, slug, name, description, visibility, default_role, created_by,
                             created_at, updated_at)
         VALUES (@id, @slug, @name, @description, @visibility, @defaultRole, @createdBy,
                 @createdAt, @updatedAt)
         ON CONFLICT (slug) DO NOTHING`,
      ),
      byId: db.prepare<[string], SpaceRow>('SELECT * FROM spaces WHERE id = ?'),
      bySlug: db.prepare<[string], SpaceRow>('SELECT * FROM spaces WHERE slug = ?'),
      list: db.prepare<[], SpaceRow>('SELECT * FROM spaces ORDER BY name COLLATE NOCASE, slug'),
      update: db.prepare(
        `UPDATE spaces SET name = @name, description = @description, visibility = @visibility,
                default_role = @defaultRole, updated_at = @updatedAt WHERE id = @id`,
      ),
    };
  }

  insertSpace(space: Space): boolean {
    return this.#statements.insert.run(space).changes === 1;
  }

  findSpaceById(id: string): Space | null {
    const row = this.#statements.byId.get(id);
    return row ? toSpace(row) : null;
  }

  findSpaceBySlug(slug: string): Space | null {
    const row = this.#statements.bySlug.get(slug);
    return row ? toSpace(row) : null;
  }

  listSpaces(): Space[] {
    return this.#statements.list.all().map(toSpace);
  }

  updateSpace(space: Space): void {
    this.#statements.update.run({
      id: space.id,
      name: space.name,
      description: space.description,
      visibility: space.visibility,
      defaultRole: space.defaultRole,
      updatedAt: space.updatedAt,
    });
  }
}
