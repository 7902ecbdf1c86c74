import type { UpdateValidation } from '@lore/collab';
import { getSchema } from '@lore/schema';
import * as Y from 'yjs';
import { pageBodyField, pageTitleField } from './pageDocumentFields';

const allowedRoots = new Set([pageBodyField, pageTitleField]);

/**
 * Holds raw client updates to the page model before they are stored: only the body fragment and
 * the title text may exist at the top level, the title holds only text, and every element the
 * update inserts into the body is a schema node. It looks only at the structs the transaction
 * inserted, so a keystroke costs the same in a one-line page and in a book. Rendering sanitizes
 * again, so attributes are left to it.
 *
 * The title root is compared by identity with `doc.share`, because a root that arrived in an
 * update stays an untyped `AbstractType` until someone asks for it by type.
 */
export function documentSchemaGuard(): (change: UpdateValidation) => boolean {
  const nodeNames = new Set(Object.keys(getSchema().nodes));

  const insertedItemFits = (item: Y.Item, title: unknown): boolean => {
    if (item.deleted) return true;
    const { content } = item;
    if (item.parent === title) {
      return (
        item.parentSub === null &&
        (content instanceof Y.ContentString || content instanceof Y.ContentFormat)
      );
    }
    // Map entries are element attributes; the renderer keeps only the schema's own.
    if (item.parentSub !== null)
      return !(content instanceof Y.ContentType || content instanceof Y.ContentDoc);
    if (content instanceof Y.ContentType) {
      const child = content.type;
      if (child instanceof Y.XmlElement) return nodeNames.has(child.nodeName);
      return child instanceof Y.XmlText;
    }
    return (
      content instanceof Y.ContentString ||
      content instanceof Y.ContentFormat ||
      content instanceof Y.ContentDeleted
    );
  };

  return ({ doc, transaction }) => {
    for (const name of doc.share.keys()) if (!allowedRoots.has(name)) return false;
    const title = doc.share.get(pageTitleField);
    for (const [client, afterClock] of transaction.afterState) {
      const beforeClock = transaction.beforeState.get(client) ?? 0;
      if (afterClock <= beforeClock) continue;
      const structs = doc.store.clients.get(client);
      if (!structs) continue;
      for (let index = Y.findIndexSS(structs, beforeClock); index < structs.length; index++) {
        const struct = structs[index];
        if (!struct || struct.id.clock >= afterClock) break;
        if (struct instanceof Y.Item && !insertedItemFits(struct, title)) return false;
      }
    }
    return true;
  };
}
