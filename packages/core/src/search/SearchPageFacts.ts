/** A page and its ancestors, nearest first, as search needs them. */
export interface PageLineage {
  readonly id: string;
  readonly title: string;
  readonly deletedAt: number | null;
}

/**
 * Facts about pages that only search uses: who edited them (kept by the search consumer), how
 * often they were opened, their ancestry, and which pages are searchable.
 */
export interface SearchPageFacts {
  /** Ids of the users who created or edited the page. */
  authors(pageId: string): string[];
  /** Records that someone created or changed the page, for the author filter. */
  addAuthor(pageId: string, userId: string): void;
  views(pageId: string): number;
  /** Counts an opening of the page (which re-indexes it with the new popularity). */
  addView(pageId: string): void;
  /** The page, then its parent, up to the top; empty when the page does not exist. */
  lineage(pageId: string): PageLineage[];
  /** Every page that is neither in the trash nor below a page in the trash. */
  searchablePageIds(): string[];
}
