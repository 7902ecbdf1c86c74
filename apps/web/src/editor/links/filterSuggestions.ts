import type { SuggestedPage } from '@lore/api';

/**
 * Ranks pages for the `[[` menu as the server does: titles starting with the query first, then
 * titles with a word starting with it, then titles merely containing it; no match is dropped.
 * Pages appear once (the first copy wins), at most `limit`.
 */
export function filterSuggestions(
  pages: readonly SuggestedPage[],
  query: string,
  limit = 8,
): SuggestedPage[] {
  const q = query.trim().toLowerCase();
  const seen = new Set<string>();
  const unique = pages.filter((page) => !seen.has(page.id) && seen.add(page.id));
  if (q === '') return unique.slice(0, limit);
  const rank = (page: SuggestedPage): number => {
    const title = page.title.toLowerCase();
    if (title.startsWith(q)) return 0;
    if (title.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(q))) return 1;
    return title.includes(q) ? 2 : 3;
  };
  return unique
    .map((page, order) => ({ page, order, rank: rank(page) }))
    .filter((entry) => entry.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map((entry) => entry.page);
}
