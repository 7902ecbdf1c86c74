import { editDistanceWithin, type SearchVocabulary, type TermCandidate } from '@lore/core';
import type { PostgresDatabase, Statement } from '@lore/store-postgres';

// A prefix scan past this many words is cut short, as in the embedded index.
const scanLimit = 20_000;
// Nearest words by trigram distance checked for a typo: enough to hold every word one or two
// edits away in practice, few enough to stay fast on vocabularies of millions of words.
const trigramNeighbours = 200;
const maxCodePoint = String.fromCodePoint(0x10ffff);

/**
 * The vocabulary of the PostgreSQL index (`search_index_terms`), answering query planning:
 * counts by primary key, completions by a byte-order range on it, typo candidates from the
 * trigram index (nearest words first), checked by real edit distance. Answers are remembered
 * for the lifetime of the object, which is one search.
 */
export class PostgresVocabulary implements SearchVocabulary {
  readonly #db: PostgresDatabase;
  readonly #docs = new Map<string, number>();
  readonly #completions = new Map<string, { term: string; docs: number }[]>();

  constructor(db: PostgresDatabase) {
    this.#db = db;
  }

  /**
   * Looks up the counts of `words` and the completions query planning will ask for (the words
   * being typed, and each word's stem for its other forms) in one round trip.
   */
  prefetch(words: readonly string[], prefixes: readonly { prefix: string; limit: number }[]): void {
    const results = this.#db.batch([
      {
        sql: 'SELECT term, docs FROM search_index_terms WHERE term = ANY($1::text[])',
        params: [[...new Set(words)]],
      },
      ...prefixes.map(({ prefix, limit }) => completionsStatement(prefix, limit)),
    ]);
    for (const word of words) this.#docs.set(word, 0);
    const [known, ...completions] = results;
    for (const row of (known?.rows ?? []) as { term: string; docs: number }[]) {
      this.#docs.set(row.term, row.docs);
    }
    prefixes.forEach(({ prefix, limit }, at) => {
      const rows = (completions[at]?.rows ?? []) as { term: string; docs: number }[];
      this.#completions.set(`${limit} ${prefix}`, rows);
      for (const row of rows) this.#docs.set(row.term, row.docs);
    });
  }

  docs(term: string): number {
    let docs = this.#docs.get(term);
    if (docs === undefined) {
      docs =
        this.#db.one<{ docs: number }>('SELECT docs FROM search_index_terms WHERE term = $1', [
          term,
        ])?.docs ?? 0;
      this.#docs.set(term, docs);
    }
    return docs;
  }

  completions(prefix: string, limit: number): TermCandidate[] {
    const key = `${limit} ${prefix}`;
    let rows = this.#completions.get(key);
    if (!rows) {
      const statement = completionsStatement(prefix, limit);
      rows = this.#db.query<{ term: string; docs: number }>(statement.sql, statement.params);
      this.#completions.set(key, rows);
      for (const row of rows) this.#docs.set(row.term, row.docs);
    }
    return rows.map((row) => ({ ...row, distance: 0 }));
  }

  typoCandidates(word: string, maxDistance: number, limit: number): TermCandidate[] {
    if (maxDistance <= 0) return [];
    const length = Array.from(word).length;
    const rows = this.#db.query<{ term: string; docs: number }>(
      `SELECT term, docs FROM search_index_terms
       WHERE char_length(term) BETWEEN $2 AND $3
       ORDER BY term <-> $1 LIMIT $4`,
      [word, length - maxDistance, length + maxDistance, trigramNeighbours],
    );
    const found: TermCandidate[] = [];
    for (const row of rows) {
      if (row.term === word) continue;
      const distance = editDistanceWithin(word, row.term, maxDistance);
      if (distance <= maxDistance) found.push({ ...row, distance });
    }
    return found
      .sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1))
      .slice(0, limit);
  }
}

/** The most common words starting with `prefix` among the first `scanLimit` in byte order. */
function completionsStatement(prefix: string, limit: number): Statement {
  return {
    sql: `SELECT term, docs FROM (
            SELECT term, docs FROM search_index_terms WHERE term >= $1 AND term < $2
            ORDER BY term LIMIT $3
          ) scanned ORDER BY docs DESC, term LIMIT $4`,
    params: [prefix, prefix + maxCodePoint, scanLimit, limit],
  };
}
