import { editDistanceWithin, type SearchVocabulary, type TermCandidate } from '@lore/core';
import type pg from 'pg';
import { queryRows } from './queryRows';
import { SqlParameters } from './SqlParameters';
import { sameTerm } from './sameTerm';
import { tsPhrase } from './tsQueryText';

// A prefix scan past this many words is cut short, as in the embedded index.
const scanLimit = 20_000;
// Nearest words by trigram distance checked for a typo: enough to hold every word one or two
// edits away in practice, few enough to stay fast on vocabularies of millions of words.
const trigramNeighbours = 200;
const maxCodePoint = String.fromCodePoint(0x10ffff);

interface Term {
  term: string;
  docs: number;
}

/** What the vocabulary is asked to look up in one statement. */
export interface VocabularyLookups {
  readonly words: Set<string>;
  /** By `${limit} ${prefix}`. */
  readonly completions: Map<string, { prefix: string; limit: number }>;
  /** By `${maxDistance} ${word}`; looked up only for words no page holds. */
  readonly typos: Map<string, { word: string; maxDistance: number }>;
  /** Phrases of several words, by the words joined with spaces. */
  readonly phrases: Map<string, readonly string[]>;
}

const noLookups = (): VocabularyLookups => ({
  words: new Set(),
  completions: new Map(),
  typos: new Map(),
  phrases: new Map(),
});

interface LookupRow {
  part: 'word' | 'completion' | 'typo' | 'phrase' | 'totals';
  key: string | null;
  term: string | null;
  docs: number;
  tokens: number | null;
}

/**
 * The vocabulary of the PostgreSQL index (`search_index_terms`) for one search, answering query
 * planning, which asks synchronously, from what it has loaded. What it could not answer it notes
 * (answering "unknown" meanwhile): the search loads those lookups in one statement and plans
 * again, until planning asks for nothing new. Counts come by primary key, completions by a
 * byte-order range on it, typo candidates from the trigram index (nearest words first), checked
 * by real edit distance. It also holds the index's page and word totals and the page counts of
 * phrases, for BM25.
 */
export class PostgresVocabulary implements SearchVocabulary {
  readonly #docs = new Map<string, number>();
  readonly #completions = new Map<string, Term[]>();
  readonly #neighbours = new Map<string, Term[]>();
  readonly #phrases = new Map<string, number>();
  #missing = noLookups();
  #totals: { pages: number; tokens: number } | null = null;

  /** Pages in the index and their length in words, all spaces together. */
  get totals(): { pages: number; tokens: number } {
    return this.#totals ?? { pages: 0, tokens: 0 };
  }

  /** Notes lookups planning is expected to make, to be loaded with the next ones. */
  expect(lookups: {
    words?: readonly string[];
    completions?: readonly { prefix: string; limit: number }[];
    typos?: readonly { word: string; maxDistance: number }[];
  }): void {
    for (const word of lookups.words ?? []) this.docs(word);
    for (const { prefix, limit } of lookups.completions ?? []) this.completions(prefix, limit);
    for (const { word, maxDistance } of lookups.typos ?? [])
      this.#typoNeighbours(word, maxDistance);
  }

  /** Whether lookups are waiting to be loaded (always, before the first load). */
  get incomplete(): boolean {
    const missing = this.#missing;
    return (
      this.#totals === null ||
      missing.words.size + missing.completions.size + missing.typos.size + missing.phrases.size > 0
    );
  }

  /** Loads the waiting lookups (and the totals) in one statement on `client`. */
  async load(client: pg.PoolClient): Promise<void> {
    const lookups = this.#missing;
    this.#missing = noLookups();
    const params = new SqlParameters();
    const completions = [...lookups.completions];
    const typos = [...lookups.typos];
    const phrases = [...lookups.phrases];
    const rows = await queryRows<LookupRow>(
      client,
      `SELECT 'word' AS part, t.term AS key, t.term, t.docs, NULL::bigint AS tokens
       FROM unnest(${params.add([...lookups.words])}::text[]) AS w (term)
       JOIN search_index_terms t ON ${sameTerm('t.term', 'w.term')}
       UNION ALL
       SELECT 'completion', p.key, c.term, c.docs, NULL
       FROM unnest(${params.add(completions.map(([key]) => key))}::text[],
                   ${params.add(completions.map(([, { prefix }]) => prefix))}::text[],
                   ${params.add(completions.map(([, { prefix }]) => prefix + maxCodePoint))}::text[],
                   ${params.add(completions.map(([, { limit }]) => String(limit)))}::int[])
            AS p (key, low, high, lim)
       CROSS JOIN LATERAL (
         SELECT term, docs FROM (
           SELECT term, docs FROM search_index_terms WHERE term >= p.low AND term < p.high
           ORDER BY term LIMIT ${params.add(scanLimit)}
         ) scanned ORDER BY docs DESC, term LIMIT p.lim
       ) c
       UNION ALL
       SELECT 'typo', w.key, n.term, n.docs, NULL
       FROM unnest(${params.add(typos.map(([key]) => key))}::text[],
                   ${params.add(typos.map(([, { word }]) => word))}::text[],
                   ${params.add(typos.map(([, { word, maxDistance }]) => String(Array.from(word).length - maxDistance)))}::int[],
                   ${params.add(typos.map(([, { word, maxDistance }]) => String(Array.from(word).length + maxDistance)))}::int[])
            AS w (key, word, shortest, longest)
       CROSS JOIN LATERAL (
         SELECT term, docs FROM search_index_terms
         WHERE char_length(term) BETWEEN w.shortest AND w.longest
         ORDER BY term <-> w.word LIMIT ${params.add(trigramNeighbours)}
       ) n
       WHERE NOT EXISTS (SELECT 1 FROM search_index_terms k WHERE ${sameTerm('k.term', 'w.word')})
       UNION ALL
       SELECT 'phrase', q.key, NULL, (
         SELECT count(*) FROM search_index_documents d WHERE d.lexemes @@ q.query::tsquery
       ), NULL
       FROM unnest(${params.add(phrases.map(([key]) => key))}::text[],
                   ${params.add(phrases.map(([, words]) => tsPhrase(words)))}::text[]) AS q (key, query)
       ${
         this.#totals === null
           ? `UNION ALL
              SELECT 'totals', NULL, NULL, coalesce(sum(docs), 0)::bigint, coalesce(sum(tokens), 0)::bigint
              FROM search_index_spaces`
           : ''
       }`,
      params.values,
    );
    // Every lookup gets an answer, an empty one when nothing matched.
    for (const word of lookups.words) this.#docs.set(word, 0);
    for (const [key] of completions) this.#completions.set(key, []);
    for (const [key] of typos) this.#neighbours.set(key, []);
    for (const [key] of phrases) this.#phrases.set(key, 0);
    for (const row of rows) {
      const term = { term: row.term ?? '', docs: row.docs };
      if (row.part === 'totals') this.#totals = { pages: row.docs, tokens: row.tokens ?? 0 };
      else if (row.part === 'phrase') this.#phrases.set(row.key ?? '', row.docs);
      else if (row.part === 'word') this.#docs.set(term.term, term.docs);
      else {
        const list = (row.part === 'completion' ? this.#completions : this.#neighbours).get(
          row.key ?? '',
        );
        list?.push(term);
        this.#docs.set(term.term, term.docs);
      }
    }
  }

  docs(term: string): number {
    const docs = this.#docs.get(term);
    if (docs !== undefined) return docs;
    this.#missing.words.add(term);
    return 0;
  }

  completions(prefix: string, limit: number): TermCandidate[] {
    const key = `${limit} ${prefix}`;
    const rows = this.#completions.get(key);
    if (!rows) {
      this.#missing.completions.set(key, { prefix, limit });
      return [];
    }
    return rows.map((row) => ({ ...row, distance: 0 }));
  }

  typoCandidates(word: string, maxDistance: number, limit: number): TermCandidate[] {
    if (maxDistance <= 0) return [];
    const found: TermCandidate[] = [];
    for (const row of this.#typoNeighbours(word, maxDistance)) {
      if (row.term === word) continue;
      const distance = editDistanceWithin(word, row.term, maxDistance);
      if (distance <= maxDistance) found.push({ ...row, distance });
    }
    return found
      .sort((a, b) => a.distance - b.distance || b.docs - a.docs || (a.term < b.term ? -1 : 1))
      .slice(0, limit);
  }

  /** Pages holding a phrase (one word or several) anywhere in the index. */
  phraseDocs(phrase: readonly string[]): number {
    const [word] = phrase;
    if (phrase.length === 1 && word !== undefined) return this.docs(word);
    const key = phrase.join(' ');
    const docs = this.#phrases.get(key);
    if (docs !== undefined) return docs;
    this.#missing.phrases.set(key, phrase);
    return 0;
  }

  /**
   * The words nearest to `word` by trigrams within `maxDistance` letters of its length, when
   * no page holds `word` itself (only then does planning look for typos).
   */
  #typoNeighbours(word: string, maxDistance: number): readonly Term[] {
    const key = `${maxDistance} ${word}`;
    const rows = this.#neighbours.get(key);
    if (rows) return rows;
    this.#missing.typos.set(key, { word, maxDistance });
    return [];
  }
}
