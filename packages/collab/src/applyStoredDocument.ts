import type { StoredDocument } from '@lore/core';
import * as Y from 'yjs';

/**
 * Applies what a `DocumentStore` holds for a document (its snapshot, then the log after it) to
 * `doc`, in one transaction: how a page is decoded from storage wherever it is read whole.
 */
export function applyStoredDocument(
  doc: Y.Doc,
  stored: Pick<StoredDocument, 'snapshot' | 'updates'>,
  origin?: unknown,
): void {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  }, origin);
}
