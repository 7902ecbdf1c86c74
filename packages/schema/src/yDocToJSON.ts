import type { JSONContent } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { sanitizeJSON } from './sanitizeJSON';

/**
 * Reads a page body from a Y.Doc as ProseMirror JSON.
 *
 * The Y.Doc is only read, never changed: `yXmlFragmentToProseMirrorRootNode` deletes content it
 * cannot place, which would broadcast edits from a read, so the plain reader is used and the
 * result checked here. Content that does not fit the schema — written by
 * an outdated or hostile client — is repaired as {@link sanitizeJSON} does, so the result always
 * validates and every heading has an id.
 *
 * @param field name of the Y.XmlFragment holding the body (`default`, Tiptap's default).
 */
export function yDocToJSON(ydoc: Y.Doc, field = 'default'): JSONContent {
  const raw = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(field));
  return sanitizeJSON(raw);
}
