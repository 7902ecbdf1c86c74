import type { Page } from './Page';
import type { PageStore } from './PageStore';

/**
 * Whether a page can be opened: neither it nor any page above it is in the trash (trashing a
 * page hides its subpages with it).
 */
export function isPageLive(pages: Pick<PageStore, 'findPageById'>, page: Page): boolean {
  const seen = new Set<string>();
  let current: Page | null = page;
  while (current !== null) {
    if (current.deletedAt !== null || seen.has(current.id)) return false;
    seen.add(current.id);
    current = current.parentId === null ? null : pages.findPageById(current.parentId);
  }
  return true;
}
