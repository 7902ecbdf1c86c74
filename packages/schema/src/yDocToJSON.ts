import type { JSONContent } from '@tiptap/core';
import type * as Y from 'yjs';
import { readLimits } from './limits/documentLimits';
import type { DocumentExcess } from './limits/findDocumentExcess';
import { fitDocumentLimits } from './limits/fitDocumentLimits';
import { readFragmentJSON } from './readFragmentJSON';
import { sanitizeWithinDepth } from './sanitizeJSON';

/** Options of {@link yDocToJSON}. */
export interface YDocToJSONOptions {
  /**
   * Told when the stored document nests past the depth limit (it was stored before the limits
   * existed, or written around them) and what was read was flattened to fit.
   */
  onExcess?: (excess: readonly DocumentExcess[]) => void;
}

/**
 * Reads a page body from a Y.Doc as ProseMirror JSON.
 *
 * The Y.Doc is only read, never changed: `yXmlFragmentToProseMirrorRootNode` deletes content it
 * cannot place, which would broadcast edits from a read, so a plain reader is used and the
 * result checked here. Content that does not fit the schema — written by an outdated or hostile
 * client — is repaired as `sanitizeJSON` does, and content nested past the depth limit is
 * first flattened ({@link fitDocumentLimits} with `readLimits`), so the result always validates,
 * every heading has an id, and no converter can overflow on it.
 *
 * @param field name of the Y.XmlFragment holding the body (`default`, Tiptap's default).
 */
export function yDocToJSON(
  ydoc: Y.Doc,
  field = 'default',
  options: YDocToJSONOptions = {},
): JSONContent {
  const fitted = fitDocumentLimits(readFragmentJSON(ydoc.getXmlFragment(field)), readLimits);
  if (fitted.excess.length > 0) options.onExcess?.(fitted.excess);
  return sanitizeWithinDepth(fitted.json);
}
