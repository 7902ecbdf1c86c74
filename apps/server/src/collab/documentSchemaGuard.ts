import type { UpdateValidation } from '@lore/collab';
import { getSchema } from '@lore/schema';
import * as Y from 'yjs';
import { pageBodyField, pageTitleField } from './pageDocumentFields';

const allowedRoots = new Set([pageBodyField, pageTitleField]);

/**
 * Holds raw client updates to the page model before they are stored: only the body fragment and
 * the title text may exist at the top level, the title must be text, and every element in the
 * changed parts of the body must be a node of the page schema. It looks only at what the update
 * touched, so it costs the same on a one-line page and on a book. Rendering sanitizes again.
 */
export function documentSchemaGuard(): (change: UpdateValidation) => boolean {
  const nodeNames = new Set(Object.keys(getSchema().nodes));
  return ({ doc, transaction }) => {
    for (const [name, type] of doc.share) {
      if (!allowedRoots.has(name)) return false;
      if (name === pageTitleField && type._start !== null && !(type instanceof Y.Text)) {
        // An untyped root is materialised on first access; reject a title that holds elements.
        for (let item: Y.Item | null = type._start; item !== null; item = item.right) {
          if (
            !item.deleted &&
            !(item.content instanceof Y.ContentString) &&
            !(item.content instanceof Y.ContentFormat)
          ) {
            return false;
          }
        }
      }
    }
    for (const type of transaction.changed.keys()) {
      if (type instanceof Y.XmlElement && !nodeNames.has(type.nodeName)) return false;
      if (type instanceof Y.XmlFragment || type instanceof Y.XmlElement) {
        for (const child of type.toArray()) {
          if (child instanceof Y.XmlElement && !nodeNames.has(child.nodeName)) return false;
          if (child instanceof Y.XmlHook) return false;
        }
      }
    }
    return true;
  };
}
