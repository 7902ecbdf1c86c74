import { searchTokens } from '@lore/core';

/** The parts of a page as stored, each indexed under its own weight label. */
export interface IndexedText {
  readonly title: string;
  readonly headings: string;
  readonly tags: string;
  readonly path: string;
  readonly body: string;
}

// PostgreSQL's limits for a tsvector: positions up to 16383, 256 positions per word, 1 MB in all.
const maxPosition = 16_383;
const maxPositions = 256;
const maxBytes = 1_000_000;
// Queries ignore longer words (parseQuery), so indexing them would only cost space.
const maxWordLength = 64;

const quoted = (word: string) => `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The page as tsvector text (and its distinct words, for the vocabulary): the words normalized exactly as queries and the vocabulary normalize
 * them (`searchTokens`, no stemming: other word forms come from the vocabulary, as in every
 * engine), with their positions and weights (title A, headings B, tags and path C, body D). A
 * position is skipped between parts, so a phrase never spans two of them. Positions past
 * PostgreSQL's limit share the last one, and words that would overflow the 1 MB limit are left
 * out; both only affect pages of hundreds of kilobytes of text.
 */
export function documentLexemes(text: IndexedText): { text: string; words: string[] } {
  const positions = new Map<string, string[]>();
  let bytes = 0;
  let position = 0;
  const parts: [string, string][] = [
    [text.title, 'A'],
    [text.headings, 'B'],
    [text.tags, 'C'],
    [text.path, 'C'],
    [text.body, 'D'],
  ];
  for (const [part, weight] of parts) {
    for (const word of searchTokens(part)) {
      position = Math.min(position + 1, maxPosition);
      if (word.length > maxWordLength) continue;
      let list = positions.get(word);
      if (!list) {
        const cost = Buffer.byteLength(word) + 8;
        if (bytes + cost > maxBytes) continue;
        bytes += cost;
        list = [];
        positions.set(word, list);
      }
      if (list.length < maxPositions && bytes + 2 <= maxBytes) {
        list.push(`${position}${weight}`);
        bytes += 2;
      }
    }
    position = Math.min(position + 1, maxPosition);
  }
  let lexemes = '';
  for (const [word, list] of positions) {
    lexemes += `${lexemes ? ' ' : ''}${quoted(word)}:${[...new Set(list)].join(',')}`;
  }
  return { text: lexemes, words: [...positions.keys()] };
}
