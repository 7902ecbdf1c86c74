/** Typos a query word may contain and still match: none under 5 letters, 1 from 5, 2 from 9. */
export function typoBudget(word: string): 0 | 1 | 2 {
  const length = [...word].length;
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}
