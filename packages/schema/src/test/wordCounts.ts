/** Counts the words (runs of letters and digits) of a text, case-sensitively. */
export function wordCounts(text: string, into = new Map<string, number>()): Map<string, number> {
  for (const [word] of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    into.set(word, (into.get(word) ?? 0) + 1);
  }
  return into;
}

/** Words of `expected` that `actual` has fewer of, with how many are missing. */
export function missingWords(
  expected: ReadonlyMap<string, number>,
  actual: ReadonlyMap<string, number>,
): Map<string, number> {
  const missing = new Map<string, number>();
  for (const [word, count] of expected) {
    const lack = count - (actual.get(word) ?? 0);
    if (lack > 0) missing.set(word, lack);
  }
  return missing;
}
