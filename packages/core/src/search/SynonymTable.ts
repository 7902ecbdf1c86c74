import type { SynonymGroup } from './SearchIndex';
import { searchTokens } from './searchTokens';
import { stopWords } from './stopWords';

/** A run of query words that a glossary entry names, and everything it also means. */
export interface SynonymMatch {
  /** How many query words the match covers. */
  readonly length: number;
  /** Every phrase of the group (the matched one included), as word lists. */
  readonly phrases: readonly (readonly string[])[];
}

// Stop words are left out of the keys because queries lose them too ("out of office").
const keyOf = (words: readonly string[]) => {
  const significant = words.filter((word) => !stopWords.has(word));
  return (significant.length > 0 ? significant : words).join(' ');
};

/** Glossary synonyms, looked up by normalized words. */
export class SynonymTable {
  readonly #groups = new Map<string, (readonly string[])[]>();
  #longest = 0;

  constructor(groups: readonly SynonymGroup[] = []) {
    for (const group of groups) {
      const phrases = uniquePhrases(group.map((phrase) => searchTokens(phrase)));
      if (phrases.length < 2) continue;
      for (const phrase of phrases) {
        const key = keyOf(phrase);
        const known = this.#groups.get(key) ?? [];
        this.#groups.set(key, uniquePhrases([...known, ...phrases]));
        this.#longest = Math.max(this.#longest, key.split(' ').length);
      }
    }
  }

  /** The synonyms of a whole quoted phrase, or null. */
  matchPhrase(words: readonly string[]): SynonymMatch | null {
    const phrases = this.#groups.get(keyOf(words));
    return phrases ? { length: 1, phrases } : null;
  }

  /** The longest synonym match starting at `words[start]`, or null. */
  match(words: readonly string[], start: number): SynonymMatch | null {
    for (let length = Math.min(this.#longest, words.length - start); length > 0; length -= 1) {
      const phrases = this.#groups.get(words.slice(start, start + length).join(' '));
      if (phrases) return { length, phrases };
    }
    return null;
  }
}

function uniquePhrases(phrases: (readonly string[])[]): (readonly string[])[] {
  const seen = new Set<string>();
  return phrases.filter((phrase) => {
    const key = phrase.join(' ');
    if (phrase.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
