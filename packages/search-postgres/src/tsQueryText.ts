import type { QueryGroup } from '@lore/core';

/**
 * tsquery text, read by the `::tsquery` cast, which takes lexemes as written: the words are
 * already normalized like the indexed ones (`searchTokens`), so no text search configuration
 * stems or drops them.
 */
const lexeme = (word: string, weights: string) =>
  `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${weights}`;

/** Words as a phrase (`'a' <-> 'b'`); `weights` restricts where they match (`:AB`). */
export function tsPhrase(words: readonly string[], weights = ''): string {
  const phrase = words.map((word) => lexeme(word, weights ? `:${weights}` : '')).join(' <-> ');
  return words.length > 1 ? `(${phrase})` : phrase;
}

/** `(a | b | …)` of phrases. */
export function tsAnyOf(phrases: readonly (readonly string[])[], weights = ''): string {
  return `(${phrases.map((phrase) => tsPhrase(phrase, weights)).join(' | ')})`;
}

/** Every group matched by any of its alternatives. */
export function tsAllOf(groups: readonly QueryGroup[], weights = ''): string {
  return groups.map((group) => tsAnyOf(group.alternatives, weights)).join(' & ');
}

/** Weight labels of the title and the headings (see `documentLexemes`). */
export const titleWeights = 'AB';
