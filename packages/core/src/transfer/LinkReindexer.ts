/** Rebuilds the stored outgoing links of a page after its document was rewritten. */
export interface LinkReindexer {
  /** May return a promise, which is awaited; its value is not used. */
  reindexPage(pageId: string): unknown;
}
