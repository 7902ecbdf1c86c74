/** Words as one FTS5 string (a word, or a phrase when several), quoted so no word is syntax. */
export function ftsPhrase(words: readonly string[]): string {
  return `"${words.join(' ').replace(/"/g, '""')}"`;
}

/** `(a OR b OR …)` of phrases. */
export function ftsAnyOf(phrases: readonly (readonly string[])[]): string {
  return `(${phrases.map(ftsPhrase).join(' OR ')})`;
}
