import type { DocumentStore } from '@lore/core';
import * as Y from 'yjs';

/** A page's document as stored (snapshot, then the log after it), without joining a room. */
export async function loadStoredDocument(store: DocumentStore, pageId: string): Promise<Y.Doc> {
  const stored = await store.load(pageId);
  const doc = new Y.Doc({ gc: true, guid: pageId });
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
