/** Decides whether a normalized word of a page counts as a match of the query (for marking). */
export interface TermMatcher {
  (token: string): boolean;
  /** The words matched exactly. */
  readonly words: ReadonlySet<string>;
  /** Words starting with one of these match too. */
  readonly prefixes: readonly string[];
}

/** Matches the given words exactly, and any word starting with one of the prefixes. */
export function termMatcher(exact: Iterable<string>, prefixes: Iterable<string> = []): TermMatcher {
  const words = new Set(exact);
  const starts = [...new Set(prefixes)].filter((prefix) => prefix.length > 0);
  const matches = (token: string) =>
    words.has(token) || starts.some((prefix) => token.startsWith(prefix));
  return Object.assign(matches, { words, prefixes: starts });
}
