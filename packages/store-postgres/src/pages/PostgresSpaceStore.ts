import type { DefaultSpaceRole, Space, SpaceStore, SpaceVisibility } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';

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

const columns =
  'id, slug, name, description, visibility, default_role, created_by, created_at, updated_at';

/** `SpaceStore` on the Lore PostgreSQL database. */
export class PostgresSpaceStore implements SpaceStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  insertSpace(space: Space): boolean {
    // A taken slug is an answer, not a failure: inside a transaction a refused statement would
    // abort everything else the caller did.
    const { rowCount } = this.#db.run(
      `INSERT INTO spaces (${columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (slug) DO NOTHING`,
      [
        space.id,
        space.slug,
        space.name,
        space.description,
        space.visibility,
        space.defaultRole,
        space.createdBy,
        space.createdAt,
        space.updatedAt,
      ],
    );
    return rowCount === 1;
  }

  findSpaceById(id: string): Space | null {
    const row = this.#db.one<SpaceRow>(`SELECT ${columns} FROM spaces WHERE id = $1`, [id]);
    return row ? toSpace(row) : null;
  }

  findSpaceBySlug(slug: string): Space | null {
    const row = this.#db.one<SpaceRow>(`SELECT ${columns} FROM spaces WHERE slug = $1`, [slug]);
    return row ? toSpace(row) : null;
  }

  listSpaces(): Space[] {
    // name is COLLATE "C", so lower() folds ASCII letters only: SQLite's NOCASE.
    return this.#db
      .query<SpaceRow>(`SELECT ${columns} FROM spaces ORDER BY lower(name), slug`)
      .map(toSpace);
  }

  updateSpace(space: Space): void {
    this.#db.run(
      `UPDATE spaces SET name = $1, description = $2, visibility = $3, default_role = $4,
              updated_at = $5
       WHERE id = $6`,
      [
        space.name,
        space.description,
        space.visibility,
        space.defaultRole,
        space.updatedAt,
        space.id,
      ],
    );
  }
}
