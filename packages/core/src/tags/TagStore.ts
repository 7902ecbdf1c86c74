import type { ReadScope } from '../access/ReadScope';

/** A tag and how many pages carry it. */
export interface TagCount {
  readonly tag: string;
  readonly pages: number;
}

/** Where page tags live. */
export interface TagStore {
  /** The page's tags in the order they were given. */
  tagsOf(pageId: string): string[];
  /** Replaces the page's tags (already normalized) in one transaction. */
  setTags(pageId: string, tags: readonly string[]): void;
  /**
   * Tags on live pages inside `scope` whose lowercase form starts with `prefix` (all when
   * empty), most used first, then alphabetically; counts include only pages in the scope.
   */
  listTags(prefix: string, limit: number, scope: ReadScope): TagCount[];
}
