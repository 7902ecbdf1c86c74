import { editDistanceWithin, type SearchVocabulary, type TermCandidate } from '@lore/core';
import type Database from 'better-sqlite3';

// A range scan past this many words is cut short; typo and prefix lookups stay bounded on
// vocabularies of millions of words.
const scanLimit = 20_000;
const maxCodePoint = String.fromCodePoint(0x10ffff);

const reversed = (word: string) => Array.from(word).reverse().join('');
// Filter tokens of the facets column (see facetToken), which are not words.
const facetShaped = /^z[sat](?:[0-9a-f]{2})+$/;

/**
 * The indexed words with the number of pages holding each (table `search_terms`), kept in the
 * same transaction as the index. Answers the questions FTS5 cannot answer cheaply: how common
 * is a word, which words start with these letters, which words are a typo away.
 */
export class FtsVocabulary implements SearchVocabulary {
  readonly #db: Database.Database;
  readonly #statements;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = {
      docs: db.prepare<[string], number>('SELECT docs FROM search_terms WHERE term = ?').pluck(),
      completions: db.prepare<[string, string, number, number], { term: string; docs: number }>(
        `SELECT term, docs FROM (
           SELECT term, docs FROM search_terms WHERE term >= ? AND term < ? LIMIT ?
         ) ORDER BY docs DESC, term LIMIT ?`,
      ),
      byStart: db.prepare<[string, string, number, number, number], { term: string; docs: number }>(
        `SELECT term, docs FROM search_terms
         WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ? LIMIT ?`,
      ),
      byEnd: db.prepare<[string, string, number, number, number], { term: string; docs: number }>(
        `SELECT term, docs FROM search_terms
         WHERE rterm >= ? AND rterm < ? AND length(term) BETWEEN ? AND ? LIMIT ?`,
      ),
      add: db.prepare<[string, number, string]>(
        `INSERT INTO search_terms (term, docs, rterm) VALUES (?, ?, ?)
         ON CONFLICT (term) DO UPDATE SET docs = docs + excluded.docs`,
      ),
      prune: db.prepare<[string]>('DELETE FROM search_terms WHERE term = ? AND docs <= 0'),
      clear: db.prepare('DELETE FROM search_terms'),
    };
  }

  /** Pages holding `term` (0 when it is unknown). */
  docs(term: string): number {
    return this.#statements.docs.get(term) ?? 0;
  }

  /** The most common words starting with `prefix`, most common first. */
  completions(prefix: string, limit: number): TermCandidate[] {
    return this.#statements.completions
      .all(prefix, prefix + maxCodePoint, scanLimit, limit)
      .map((row) => ({ ...row, distance: 0 }));
  }

  /**
   * Words within `maxDistance` edits of `word` (itself excluded), closest then most common
   * first. Candidates share an exact start or end with the word: one edit always leaves one
   * of the two halves intact; of two edits in a long word, only those hitting both ends are
   * missed.
   */
  typoCandidates(word: string, maxDistance: number, limit: number): TermCandidate[] {
    if (maxDistance <= 0) return [];
    const letters = Array.from(word);
    const n = letters.length;
    const startLength =
      maxDistance === 1 ? Math.floor((n - 1) / 2) : Math.max(3, Math.floor((n - 2) / 3));
    const endLength = maxDistance === 1 ? n - 1 - startLength : startLength;
    const minLength = n - maxDistance;
    const maxLength = n + maxDistance;
    const start = letters.slice(0, startLength).join('');
    const end = reversed(letters.slice(n - endLength).join(''));
    const rows = [
      ...this.#statements.byStart.all(start, start + maxCodePoint, minLength, maxLength, scanLimit),
      ...this.#statements.byEnd.all(end, end + maxCodePoint, minLength, maxLength, scanLimit),
    ];
    const found = new Map<string, TermCandidate>();
    for (const row of rows) {
      if (row.term === word || found.has(row.term)) continue;
      const distance = editDistanceWithin(word, row.term, maxDistance);
      if (distance <= maxDistance) found.set(row.term, { ...row, distance });
    }
    return [...found.values()]
      .sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1))
      .slice(0, limit);
  }

  /** Applies per-word changes of page counts (call inside the index transaction). */
  apply(deltas: ReadonlyMap<string, number>): void {
    for (const [term, delta] of deltas) {
      if (delta === 0) continue;
      this.#statements.add.run(term, delta, reversed(term));
      if (delta < 0) this.#statements.prune.run(term);
    }
  }

  clear(): void {
    this.#statements.clear.run();
  }

  /** Recomputes the whole vocabulary from the index (after a bulk load). */
  rebuild(): void {
    this.#db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_vocab USING fts5vocab(main, 'search_fts', 'row')`,
    );
    this.#statements.clear.run();
    const insert = this.#statements.add;
    const rows = this.#db
      .prepare<[], [string, number]>('SELECT term, doc FROM temp.search_fts_vocab')
      .raw()
      .all();
    for (const [term, docs] of rows) {
      if (!facetShaped.test(term)) insert.run(term, docs, reversed(term));
    }
  }
}
