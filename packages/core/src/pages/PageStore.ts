import type { Page } from './Page';

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
  /** Runs `work` atomically against this store. */
  transaction<T>(work: () => T): T;
}
