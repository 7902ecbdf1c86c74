import { slugify } from './slugify';

/** What a page's address is made of. */
export interface PagePathParts {
  readonly title: string;
  readonly shortId: string;
}

/**
 * A page's canonical web path, `/<space-slug>/<title-slug>-<shortId>`. Only the short id
 * identifies the page; the rest is for people reading the address, so renames and moves change
 * the canonical path while every older one still resolves (and redirects here).
 */
export function pagePath(spaceSlug: string, page: PagePathParts): string {
  return `/${spaceSlug}/${slugify(page.title) || 'untitled'}-${page.shortId}`;
}

/** The permanent short path of a page, `/s/<shortId>`; what links inside documents use. */
export function shortPagePath(shortId: string): string {
  return `/s/${shortId}`;
}
