import type { PageLink } from './PageLink';

/** The links index: which pages link to which, derived from the documents. */
export interface PageLinkStore {
  /** Replaces every link recorded for the source page with `links` (in document order). */
  replaceLinks(sourcePageId: string, links: readonly PageLink[]): void;
  /** Links pointing at a short id, from any page (trashed ones included). */
  listLinksTo(targetShortId: string): PageLink[];
  /** Links written in the pages of a space (trashed ones included), in page then document order. */
  listLinksFromSpace(spaceId: string): PageLink[];
}
