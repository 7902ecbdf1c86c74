/**
 * What someone may read, in a form a query can apply before its limit: the spaces they read,
 * minus the pages hidden from them by page restrictions inside those spaces.
 */
export interface ReadScope {
  readonly readableSpaceIds: readonly string[];
  /** Pages in readable spaces that page restrictions hide (with every page below them). */
  readonly hiddenPageIds: readonly string[];
}
