import type { CollabServer } from '@lore/collab';
import type { AnchorResolver, AnchorState, CommentAnchor, DocumentStore } from '@lore/core';
import { readPageDocument } from './readPageDocument';
import { resolveAnchors } from './resolveAnchor';

/** Comment anchors resolved against the page's current document (`readPageDocument`). */
export class YjsAnchorResolver implements AnchorResolver {
  readonly #collab: CollabServer<unknown>;
  readonly #store: DocumentStore;

  constructor(collab: CollabServer<unknown>, store: DocumentStore) {
    this.#collab = collab;
    this.#store = store;
  }

  resolve(
    pageId: string,
    anchors: readonly Pick<CommentAnchor, 'from' | 'to'>[],
  ): Promise<AnchorState[]> {
    return readPageDocument(this.#collab, this.#store, pageId, (doc) =>
      resolveAnchors(doc, anchors),
    );
  }
}
