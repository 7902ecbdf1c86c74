import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { applyJSONToYDoc } from './applyJSONToYDoc';

/**
 * Creates a new Y.Doc whose `default` fragment holds a document: for imports and new pages,
 * never to load a page that already has Yjs history.
 *
 * @throws {InvalidDocumentError} when the document does not fit the schema.
 */
export function jsonToYDoc(json: JSONContent, field = 'default'): Y.Doc {
  const ydoc = new Y.Doc();
  applyJSONToYDoc(ydoc, json, field);
  return ydoc;
}
