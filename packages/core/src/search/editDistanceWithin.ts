/**
 * The edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps
 * of two neighbouring letters as one edit each (optimal string alignment), or `Infinity` as soon
 * as it must exceed `max`. Compares UTF-16 code units, which is exact for the normalized words
 * indexes hold.
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return Number.POSITIVE_INFINITY;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, index) => index);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return Number.POSITIVE_INFINITY;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] ?? Number.POSITIVE_INFINITY;
  return distance <= max ? distance : Number.POSITIVE_INFINITY;
}
