import type Database from 'better-sqlite3';
import { seededRandom } from './generatedPages';

/** Queries of one kind, e.g. words found on few pages. */
export interface QueryClass {
  readonly name: string;
  readonly description: string;
  readonly queries: readonly string[];
}

/**
 * Query classes drawn from the index's own vocabulary by how many pages hold each word:
 * rare (≤ 0.03 % of pages), mid-frequency (0.5–2 %), common (≥ 20 %), prefixes of 3 letters
 * as typed, two mid-frequency words, and a misspelled mid-frequency word.
 */
export function queryClasses(db: Database.Database, perClass: number, seed = 7): QueryClass[] {
  const pages = db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number;
  const words = (min: number, max: number) =>
    db
      .prepare<[number, number], string>(
        'SELECT term FROM search_terms WHERE docs BETWEEN ? AND ? AND length(term) >= 6 ORDER BY term',
      )
      .pluck()
      .all(Math.max(1, Math.floor(min * pages)), Math.max(1, Math.ceil(max * pages)));
  const random = seededRandom(seed);
  const sample = (list: string[], count: number) =>
    Array.from({ length: count }, () => list[Math.floor(random() * list.length)] ?? '').filter(
      (word) => word.length > 0,
    );
  const rare = words(0.00002, 0.0003);
  const mid = words(0.005, 0.02);
  const common = words(0.2, 1);
  const misspell = (word: string) => `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}`;
  return [
    {
      name: 'rare',
      description: 'a word on ≤ 0.03 % of pages',
      queries: sample(rare, perClass).map((w) => `${w} `),
    },
    {
      name: 'mid',
      description: 'a word on 0.5–2 % of pages',
      queries: sample(mid, perClass).map((w) => `${w} `),
    },
    {
      name: 'common',
      description: 'a word on ≥ 20 % of pages',
      queries: sample(common, perClass).map((w) => `${w} `),
    },
    {
      name: 'prefix',
      description: 'the first 3 letters of a word, as typed',
      queries: sample([...mid, ...common], perClass).map((w) => w.slice(0, 3)),
    },
    {
      name: 'two-word',
      description: 'two mid-frequency words',
      queries: sample(mid, perClass).map((w) => `${w} ${sample(mid, 1)[0] ?? ''} `),
    },
    {
      name: 'typo',
      description: 'a mid-frequency word with two letters swapped',
      queries: sample(mid, perClass).map((w) => `${misspell(w)} `),
    },
  ];
}
