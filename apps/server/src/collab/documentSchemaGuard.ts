import type { UpdateValidation } from '@lore/collab';
import { getSchema } from '@lore/schema';
import * as Y from 'yjs';
import { pageBodyField, pageTitleField } from './pageDocumentFields';

const allowedRoots = new Set([pageBodyField, pageTitleField]);

/** Any shared type, as `transaction.changed` keys them. */
type RootOrNested = Y.Transaction['changed'] extends Map<infer Type, unknown> ? Type : never;

/**
 * Holds raw client updates to the page model before they are stored: only the body fragment and
 * the title text may exist at the top level, the title holds only text, and every child that the
 * update touched in the body is a schema node or text. It looks only at what the update changed,
 * so it costs the same on a one-line page and on a book. Rendering sanitizes again.
 *
 * Root types are compared by identity with `doc.share` and walked item by item, because a root
 * that arrived in an update stays an untyped `AbstractType` until someone asks for it by type.
 */
export function documentSchemaGuard(): (change: UpdateValidation) => boolean {
  const nodeNames = new Set(Object.keys(getSchema().nodes));
  const childrenFitSchema = (type: RootOrNested): boolean => {
    for (let item: Y.Item | null = type._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
      const child = item.content.type;
      if (child instanceof Y.XmlElement) {
        if (!nodeNames.has(child.nodeName)) return false;
      } else if (!(child instanceof Y.XmlText)) {
        return false;
      }
    }
    return true;
  };
  const isPlainText = (type: RootOrNested): boolean => {
    for (let item: Y.Item | null = type._start; item !== null; item = item.right) {
      const content = item.content;
      if (
        !(content instanceof Y.ContentString || content instanceof Y.ContentFormat || item.deleted)
      ) {
        return false;
      }
    }
    return type._map.size === 0;
  };
  return ({ doc, transaction }) => {
    for (const name of doc.share.keys()) if (!allowedRoots.has(name)) return false;
    const title = doc.share.get(pageTitleField);
    for (const type of transaction.changed.keys()) {
      if (type === title) {
        if (!isPlainText(type)) return false;
        continue;
      }
      if (type instanceof Y.XmlElement && !nodeNames.has(type.nodeName)) return false;
      if (!childrenFitSchema(type as RootOrNested)) return false;
    }
    return true;
  };
}
