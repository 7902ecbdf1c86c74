import type { SearchDocument } from '@lore/core';

/** A small, fast, seeded pseudo-random generator (mulberry32), so corpora are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const syllables =
  'ka lo ri men to sa vel dor an is ur pe qua zin bra tor eth mi no gal fen sor tal hu bel cri dex lan mor vin'.split(
    ' ',
  );

export interface GeneratedCorpusOptions {
  readonly pages: number;
  readonly seed?: number;
  /** Distinct words; their use follows Zipf's law like natural language. */
  readonly vocabulary?: number;
  readonly spaces?: number;
}

/**
 * Wiki-like pages from a Zipf-distributed made-up vocabulary: a 2–5 word title, two headings,
 * 3–7 paragraphs of 30–90 words (about 2.7 KB of text), spread over spaces and authors, with
 * edit times over two years.
 */
export function* generatedPages(options: GeneratedCorpusOptions): Generator<SearchDocument> {
  const random = seededRandom(options.seed ?? 1);
  const size = options.vocabulary ?? 40_000;
  const words = new Set<string>();
  while (words.size < size) {
    const count = 2 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < count; i += 1) word += syllables[Math.floor(random() * syllables.length)];
    words.add(word);
  }
  const vocabulary = [...words];
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank += 1) {
    sum += 1 / (rank + 1) ** 1.05;
    cumulative[rank] = sum;
  }
  const word = () => {
    const x = random() * sum;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < x) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low] ?? '';
  };
  const sentence = (length: number) => Array.from({ length }, word).join(' ');
  const spaces = options.spaces ?? 20;
  const start = Date.UTC(2024, 0, 1);
  for (let index = 0; index < options.pages; index += 1) {
    const paragraphs = Array.from(
      { length: 3 + Math.floor(random() * 5) },
      () => `${sentence(30 + Math.floor(random() * 60))}.`,
    );
    const headings = [sentence(3), sentence(2)];
    yield {
      pageId: `page-${index}`,
      shortId: `p${index.toString(36)}`,
      spaceId: `space-${index % spaces}`,
      title: sentence(2 + Math.floor(random() * 4)),
      headings,
      body: [headings[0], ...paragraphs.slice(0, 2), headings[1], ...paragraphs.slice(2)].join(
        '\n\n',
      ),
      tags: random() < 0.3 ? [vocabulary[Math.floor(random() * 50)] ?? 'misc'] : [],
      path: [`Space ${index % spaces}`],
      authors: [`user-${Math.floor(random() * 200)}`],
      updatedAt: start + Math.floor(random() * 730 * 86_400_000),
      views: Math.floor(random() ** 3 * 1000),
    };
  }
}
