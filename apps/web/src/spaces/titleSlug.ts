import { pagePath, slugify } from '@lore/core/addresses';

/**
 * The title part of a canonical page address, as the server computes it, so the address can
 * follow a title while it is typed.
 */
export function titleSlug(title: string): string {
  return slugify(title) || 'untitled';
}

/** `/<space-slug>/<title-slug>-<shortId>`: the address the page is shown at. */
export function canonicalPagePath(spaceSlug: string, title: string, shortId: string): string {
  return pagePath(spaceSlug, { title, shortId });
}
