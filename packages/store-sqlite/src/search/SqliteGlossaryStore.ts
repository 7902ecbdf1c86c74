import type { GlossaryEntry, GlossaryStore } from '@lore/core';
import type { Db } from '../openDatabase';

interface GlossaryRow {
  id: string;
  term: string;
  meaning: string;
  expansions: string;
  created_by: string | null;
  created_at: number;
  updated_by: string | null;
  updated_at: number;
}

const toEntry = (row: GlossaryRow): GlossaryEntry => {
  const expansions: unknown = JSON.parse(row.expansions);
  return {
    id: row.id,
    term: row.term,
    meaning: row.meaning,
    expansions: Array.isArray(expansions) ? expansions.map(String) : [],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
};

/** `GlossaryStore` on table `glossary_terms`; each change bumps `glossary_version`. */
export class SqliteGlossaryStore implements GlossaryStore {
  readonly #db: Db;
  readonly #statements;

  constructor(db: Db) {
    this.#db = db;
    this.#statements = {
      list: db.prepare<[], GlossaryRow>(
        'SELECT * FROM glossary_terms ORDER BY term COLLATE NOCASE, term',
      ),
      byId: db.prepare<[string], GlossaryRow>('SELECT * FROM glossary_terms WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO glossary_terms (id, term, term_key, meaning, expansions, created_by,
                                     created_at, updated_by, updated_at)
         VALUES (@id, @term, @termKey, @meaning, @expansions, @createdBy, @createdAt,
                 @updatedBy, @updatedAt)
         ON CONFLICT (term_key) DO NOTHING`,
      ),
      update: db.prepare(
        `UPDATE OR IGNORE glossary_terms SET term = @term, term_key = @termKey, meaning = @meaning,
           expansions = @expansions, updated_by = @updatedBy, updated_at = @updatedAt
         WHERE id = @id`,
      ),
      remove: db.prepare<[string]>('DELETE FROM glossary_terms WHERE id = ?'),
      bump: db.prepare(`UPDATE search_state SET value = value + 1 WHERE key = 'glossary_version'`),
      version: db
        .prepare<[], number>(`SELECT value FROM search_state WHERE key = 'glossary_version'`)
        .pluck(),
    };
  }

  list(): GlossaryEntry[] {
    return this.#statements.list.all().map(toEntry);
  }

  findById(id: string): GlossaryEntry | null {
    const row = this.#statements.byId.get(id);
    return row ? toEntry(row) : null;
  }

  insert(entry: GlossaryEntry, termKey: string): boolean {
    return this.#change(() => this.#statements.insert.run(params(entry, termKey)).changes === 1);
  }

  update(entry: GlossaryEntry, termKey: string): boolean {
    return this.#change(() => this.#statements.update.run(params(entry, termKey)).changes === 1);
  }

  remove(id: string): boolean {
    return this.#change(() => this.#statements.remove.run(id).changes === 1);
  }

  version(): number {
    return this.#statements.version.get() ?? 0;
  }

  #change(write: () => boolean): boolean {
    return this.#db.transaction(() => {
      const changed = write();
      if (changed) this.#statements.bump.run();
      return changed;
    })();
  }
}

function params(entry: GlossaryEntry, termKey: string) {
  return {
    id: entry.id,
    term: entry.term,
    termKey,
    meaning: entry.meaning,
    expansions: JSON.stringify(entry.expansions),
    createdBy: entry.createdBy,
    createdAt: entry.createdAt,
    updatedBy: entry.updatedBy,
    updatedAt: entry.updatedAt,
  };
}
