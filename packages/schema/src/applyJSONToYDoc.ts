import type { JSONContent } from '@tiptap/core';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { validateNode } from './validateNode';

/**
 * Makes the body of an existing Y.Doc equal to a document, as a minimal Yjs diff in one
 * transaction, so connected editors keep their cursors and unchanged paragraphs.
 *
 * @param origin transaction origin, so observers can tell this write from others.
 * @throws {InvalidDocumentError} when the document does not fit the schema.
 */
export function applyJSONToYDoc(
  ydoc: Y.Doc,
  json: JSONContent,
  field = 'default',
  origin: unknown = null,
): void {
  const node = validateNode(json);
  ydoc.transact(() => {
    prosemirrorToYXmlFragment(node, ydoc.getXmlFragment(field));
  }, origin);
}
