import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { sanitizeJSON } from './sanitizeJSON';

/**
 * Bodies already read, per document and field. After one write, several readers (links,
 * search, titles) read the same unchanged document; reading and repairing it is most of their
 * cost. Any transaction on a document forgets its entries before it changes anything.
 */
const readBodies = new WeakMap<Y.Doc, Map<string, JSONContent>>();

function forgetOnChange(ydoc: Y.Doc): Map<string, JSONContent> {
  const bodies = new Map<string, JSONContent>();
  readBodies.set(ydoc, bodies);
  ydoc.on('beforeTransaction', () => bodies.clear());
  return bodies;
}

/**
 * Reads a page body from a Y.Doc as ProseMirror JSON.
 *
 * The Y.Doc is only read, never changed: `yXmlFragmentToProseMirrorRootNode` deletes content it
 * cannot place, which would broadcast edits from a read, so the plain reader is used and the
 * result checked here. Content that does not fit the schema — written by
 * an outdated or hostile client — is repaired as {@link sanitizeJSON} does, so the result always
 * validates and every heading has an id. Each call returns a new object the caller may change.
 *
 * @param field name of the Y.XmlFragment holding the body (`default`, Tiptap's default).
 */
export function yDocToJSON(ydoc: Y.Doc, field = 'default'): JSONContent {
  const bodies = readBodies.get(ydoc) ?? forgetOnChange(ydoc);
  const known = bodies.get(field);
  if (known !== undefined) return structuredClone(known);
  const json = sanitizeJSON(yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(field)));
  // Read in the middle of a transaction, the body may still change before it ends.
  if (ydoc._transaction === null) bodies.set(field, structuredClone(json));
  return json;
}
