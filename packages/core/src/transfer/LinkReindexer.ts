import type { JsonObject } from '../revisions/Revision';

/** Rebuilds the stored outgoing links of a page after its document was rewritten. */
export interface LinkReindexer {
  /**
   * `body` is the document just written, when the caller has it: links are then read from it
   * instead of from the stored document. May return a promise, which is awaited; its value is
   * not used.
   */
  reindexPage(pageId: string, body?: JsonObject): unknown;
}
