import type { CommentAnchor } from './CommentThread';

/**
 * Where an anchor stands in a page's current document:
 * - `attached`: its range is there; `quote` is the text it encloses now;
 * - `detached`: its text was deleted (the range collapsed, or its paragraph is gone); an undo
 *   that brings the text back attaches it again;
 * - `invalid`: its positions do not decode, or point outside the page body or to content the
 *   document does not hold.
 */
export type AnchorState =
  | { readonly state: 'attached'; readonly quote: string }
  | { readonly state: 'detached' }
  | { readonly state: 'invalid' };

/** Resolves anchors against a page's current document (the live room's, else the stored one). */
export interface AnchorResolver {
  /** One state per anchor, in the same order; the document is read once. */
  resolve(
    pageId: string,
    anchors: readonly Pick<CommentAnchor, 'from' | 'to'>[],
  ): Promise<AnchorState[]>;
}
