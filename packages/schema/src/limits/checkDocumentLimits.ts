import { DocumentLimitError } from './DocumentLimitError';
import { type DocumentLimits, documentLimits } from './documentLimits';
import { findDocumentExcess } from './findDocumentExcess';

/**
 * Refuses a document (ProseMirror JSON) that passes one of the structure limits, naming it.
 * Walks without recursion, so even a hostile, deeply nested value is judged safely.
 *
 * @throws {DocumentLimitError} naming the first limit passed.
 */
export function checkDocumentLimits(json: unknown, limits: DocumentLimits = documentLimits): void {
  const [excess] = findDocumentExcess(json, limits, true);
  if (excess) {
    throw new DocumentLimitError(excess.limit, `${excess.message} (${excess.limit})`);
  }
}
