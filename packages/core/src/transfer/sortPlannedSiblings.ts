import type { PlannedPage } from './planImportTree';

/**
 * Reorders planned pages so that siblings with an explicit order (front matter `order`) come
 * first, lowest first, and the others keep their name order after them; parents still come
 * before their children.
 */
export function sortPlannedSiblings(
  pages: readonly PlannedPage[],
  orderOf: (key: string) => number | null,
): PlannedPage[] {
  const children = new Map<string | null, PlannedPage[]>();
  for (const page of pages) {
    children.set(page.parentKey, [...(children.get(page.parentKey) ?? []), page]);
  }
  const rank = (page: PlannedPage) => orderOf(page.key) ?? Number.POSITIVE_INFINITY;
  const sorted: PlannedPage[] = [];
  const visit = (parentKey: string | null) => {
    const siblings = (children.get(parentKey) ?? [])
      .map((page, index) => ({ page, index }))
      .sort((a, b) => rank(a.page) - rank(b.page) || a.index - b.index);
    for (const { page } of siblings) {
      sorted.push(page);
      visit(page.key);
    }
  };
  visit(null);
  return sorted;
}
