import type { GlossaryEntry, GlossaryStore } from '@lore/core';
import type { PostgresDatabase } from '../PostgresDatabase';
import { PostgresError } from '../PostgresError';

interface GlossaryRow {
  id: string;
  term: string;
  meaning: string;
  expansions: unknown;
  created_by: string | null;
  created_at: number;
  updated_by: string | null;
  updated_at: number;
}

const toEntry = (row: GlossaryRow): GlossaryEntry => ({
  id: row.id,
  term: row.term,
  meaning: row.meaning,
  expansions: Array.isArray(row.expansions) ? row.expansions.map(String) : [],
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
});

// Case-insensitive for ASCII letters only, then byte order: the SQLite store's NOCASE order.
const asciiLower = "translate(term, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";

/** `GlossaryStore` on table `glossary_terms`; each change bumps `glossary_version`. */
export class PostgresGlossaryStore implements GlossaryStore {
  readonly #db: PostgresDatabase;

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  list(): GlossaryEntry[] {
    return this.#db
      .query<GlossaryRow>(
        `SELECT * FROM glossary_terms ORDER BY ${asciiLower} COLLATE "C", term COLLATE "C"`,
      )
      .map(toEntry);
  }

  findById(id: string): GlossaryEntry | null {
    const row = this.#db.one<GlossaryRow>('SELECT * FROM glossary_terms WHERE id = $1', [id]);
    return row ? toEntry(row) : null;
  }

  insert(entry: GlossaryEntry, termKey: string): boolean {
    return this.#change(
      () =>
        this.#db.run(
          `INSERT INTO glossary_terms (id, term, term_key, meaning, expansions, created_by,
                                       created_at, updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
           ON CONFLICT (term_key) DO NOTHING`,
          [
            entry.id,
            entry.term,
            termKey,
            entry.meaning,
            JSON.stringify(entry.expansions),
            entry.createdBy,
            entry.createdAt,
            entry.updatedBy,
            entry.updatedAt,
          ],
        ).rowCount === 1,
    );
  }

  update(entry: GlossaryEntry, termKey: string): boolean {
    return this.#change(() => {
      try {
        // A savepoint: the refused update must not abort the surrounding transaction.
        return this.#db.transaction(
          () =>
            this.#db.run(
              `UPDATE glossary_terms SET term = $2, term_key = $3, meaning = $4,
                 expansions = $5::jsonb, updated_by = $6, updated_at = $7
               WHERE id = $1`,
              [
                entry.id,
                entry.term,
                termKey,
                entry.meaning,
                JSON.stringify(entry.expansions),
                entry.updatedBy,
                entry.updatedAt,
              ],
            ).rowCount === 1,
        );
      } catch (error) {
        if (PostgresError.isUniqueViolation(error)) return false;
        throw error;
      }
    });
  }

  remove(id: string): boolean {
    return this.#change(
      () => this.#db.run('DELETE FROM glossary_terms WHERE id = $1', [id]).rowCount === 1,
    );
  }

  version(): number {
    return (
      this.#db.one<{ value: number }>(
        "SELECT value FROM search_state WHERE key = 'glossary_version'",
      )?.value ?? 0
    );
  }

  #change(write: () => boolean): boolean {
    return this.#db.transaction(() => {
      const changed = write();
      if (changed) {
        this.#db.run("UPDATE search_state SET value = value + 1 WHERE key = 'glossary_version'");
      }
      return changed;
    });
  }
}
