/**
 * Which page each imported file became, so importing the same tree again updates those pages
 * instead of adding copies. Keyed by space, by the page the tree was imported under ('' for the
 * space root) and by the file's path relative to the imported folder.
 */
export interface ImportSourceStore {
  /** Source path → page id for one import root. */
  pagesBySource(spaceId: string, rootPageId: string | null): Map<string, string>;
  /** Inserts or replaces the mappings, atomically. */
  record(
    spaceId: string,
    rootPageId: string | null,
    entries: readonly { readonly sourcePath: string; readonly pageId: string }[],
    at: number,
  ): void;
  forget(spaceId: string, rootPageId: string | null, sourcePaths: readonly string[]): void;
}
