/** Where one page holds the words of a search, column by column. */
export interface PageHits {
  /** Words of the title, headings, tags and path, in order. */
  readonly title: readonly string[];
  readonly headings: readonly string[];
  readonly tags: readonly string[];
  readonly path: readonly string[];
  /** Body positions of each searched word. */
  readonly body: ReadonlyMap<string, ReadonlySet<number>>;
  /** The page's length in words. */
  readonly tokens: number;
}

/** A phrase of the search (a single word or several) and its inverse document frequency. */
export interface WeightedPhrase {
  readonly words: readonly string[];
  readonly idf: number;
}

// The embedded index's column weights (title, headings, body, tags, path) and FTS5's constants,
// so both engines order matches alike.
const weights = { title: 10, headings: 4, body: 1, tags: 5, path: 2 };
const k1 = 1.2;
const b = 0.75;

/** FTS5's inverse document frequency of a phrase held by `matching` of `pages` pages. */
export function bm25Idf(pages: number, matching: number): number {
  const idf = Math.log((pages - matching + 0.5) / (matching + 0.5));
  return idf > 0 ? idf : 1e-6;
}

/**
 * Okapi BM25 as SQLite FTS5 computes it (its `bm25()` with column weights): for each phrase, the
 * weighted sum of its occurrences in the columns, saturated against the page's length relative
 * to `averageTokens`. Higher is better.
 */
export function bm25Score(
  page: PageHits,
  phrases: readonly WeightedPhrase[],
  averageTokens: number,
): number {
  const lengthNorm = 1 - b + (b * page.tokens) / Math.max(averageTokens, 1e-9);
  let score = 0;
  for (const phrase of phrases) {
    const hits =
      weights.title * sequenceHits(page.title, phrase.words) +
      weights.headings * sequenceHits(page.headings, phrase.words) +
      weights.tags * sequenceHits(page.tags, phrase.words) +
      weights.path * sequenceHits(page.path, phrase.words) +
      weights.body * positionHits(page.body, phrase.words);
    if (hits > 0) score += (phrase.idf * (hits * (k1 + 1))) / (hits + k1 * lengthNorm);
  }
  return score;
}

/** Occurrences of the phrase in a list of words. */
function sequenceHits(tokens: readonly string[], words: readonly string[]): number {
  if (words.length === 0) return 0;
  let hits = 0;
  for (let at = 0; at + words.length <= tokens.length; at += 1) {
    if (words.every((word, offset) => tokens[at + offset] === word)) hits += 1;
  }
  return hits;
}

/** Occurrences of the phrase given each word's positions. */
function positionHits(
  positions: ReadonlyMap<string, ReadonlySet<number>>,
  words: readonly string[],
): number {
  const [first, ...rest] = words;
  const starts = first === undefined ? undefined : positions.get(first);
  if (!starts) return 0;
  let hits = 0;
  for (const start of starts) {
    if (rest.every((word, offset) => positions.get(word)?.has(start + offset + 1))) hits += 1;
  }
  return hits;
}
