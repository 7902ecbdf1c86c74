import type { Page } from './Page';

/** Where a page sits in the tree. */
export interface PagePlacement {
  readonly spaceId: string;
  readonly parentId: string | null;
  readonly position: string;
}

/** Persistence of page metadata (the body is in the document store). */
export interface PageStore {
  insertPage(page: Page): void;
  findPageById(id: string): Page | null;
  findPageByShortId(shortId: string): Page | null;
  /** Every page of a space, trashed ones included, in no particular order. */
  listPagesInSpace(spaceId: string): Page[];
  /** The last position among a parent's live children (null when it has none). */
  lastChildPosition(spaceId: string, parentId: string | null): string | null;
  updateTitle(id: string, title: string, by: string, at: number): void;
  setDeleted(id: string, deleted: { at: number; by: string } | null): void;
  /** A parent's live children (trashed ones left out), ordered by position then id. */
  listChildren(spaceId: string, parentId: string | null): Page[];
  /** Ids of every page below `id` at any depth, trashed ones included. */
  listDescendantIds(id: string): string[];
  /** Puts a page under a parent at a position, possibly in another space. */
  placePage(id: string, placement: PagePlacement, by: string, at: number): void;
  /** Moves pages to another space, keeping their parents and positions. */
  setSpace(ids: readonly string[], spaceId: string): void;
  setIcon(id: string, icon: string | null, by: string, at: number): void;
  /**
   * Pages not in the trash whose title contains `fragment` (ASCII letters case-insensitively),
   * most recently updated first; every such page when `fragment` is empty.
   */
  findPagesByTitle(fragment: string, limit: number): Page[];
  /** Runs `work` atomically against this store. */
  transaction<T>(work: () => T): T;
}
