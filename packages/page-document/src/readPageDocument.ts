import { applyStoredDocument, type CollabServer } from '@lore/collab';
import type { DocumentStore } from '@lore/core';
import * as Y from 'yjs';

/**
 * Runs `read` on a page's current document: the live one when its room holds it decoded, else
 * one decoded from the store (snapshot, then the log after it) for this call only (always,
 * without a collaboration server, as in `lore reindex`). A room that is not decoded holds exactly
 * what the store holds, so the answer is the same, and a server-side read (rendering, search,
 * links) never makes a room load or decode a page that people only read.
 */
export async function readPageDocument<T>(
  collab: CollabServer<unknown> | undefined,
  store: DocumentStore,
  pageId: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  if (collab?.isDecoded(pageId)) return read(await collab.getDocument(pageId));
  const stored = await store.load(pageId);
  const doc = new Y.Doc({ gc: true, guid: pageId });
  try {
    applyStoredDocument(doc, stored);
    return read(doc);
  } finally {
    doc.destroy();
  }
}
