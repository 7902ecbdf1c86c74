import type { UpdateValidation } from '@lore/collab';
import {
  attributeLength,
  attributeValueProblem,
  type DocumentLimits,
  documentLimits,
  getSchema,
  markNameOf,
  pageBodyField,
  pageTitleField,
} from '@lore/schema';
import * as Y from 'yjs';

const allowedRoots = new Set([pageBodyField, pageTitleField]);

/** Node and mark attributes the schema declares, by type name. */
interface DeclaredAttributes {
  readonly nodes: ReadonlyMap<string, ReadonlySet<string>>;
  readonly marks: ReadonlyMap<string, ReadonlySet<string>>;
}

function declaredAttributes(): DeclaredAttributes {
  const schema = getSchema();
  const names = (attrs: unknown) => new Set(Object.keys((attrs ?? {}) as object));
  const nodes = new Map<string, ReadonlySet<string>>();
  for (const [name, type] of Object.entries(schema.nodes)) {
    // The root and text are not elements of the body.
    if (name !== schema.topNodeType.name && name !== 'text')
      nodes.set(name, names(type.spec.attrs));
  }
  const marks = new Map<string, ReadonlySet<string>>();
  for (const [name, type] of Object.entries(schema.marks)) marks.set(name, names(type.spec.attrs));
  return { nodes, marks };
}

/** Why an attribute value may not be stored, or null: declared, small enough, allowed. */
function attributeProblem(
  type: string,
  name: string,
  value: unknown,
  declared: ReadonlySet<string> | undefined,
  limits: DocumentLimits,
): string | null {
  if (!declared?.has(name)) return `unknown attribute "${name}" on ${type}`;
  if (attributeLength(value) > limits.maxAttributeLength) {
    return `attribute "${name}" on ${type} is longer than ${limits.maxAttributeLength} characters (maxAttributeLength)`;
  }
  return attributeValueProblem(type, name, value);
}

/** Nodes (elements) from the body down to `type`, itself included; stops past `limit`. */
function depthOf(type: { _item: Y.Item | null }, body: unknown, limit: number): number {
  let depth = 0;
  let current: { _item: Y.Item | null } | null = type;
  while (current !== null && current !== body && depth <= limit) {
    depth += 1;
    const parent: unknown = current._item?.parent;
    current = parent instanceof Y.AbstractType ? (parent as { _item: Y.Item | null }) : null;
  }
  return depth;
}

/** Elements in the body, counted without recursion. */
function countElements(body: Y.XmlFragment): number {
  let count = 0;
  const stack: Y.XmlElement[] = [];
  for (const child of body.toArray()) if (child instanceof Y.XmlElement) stack.push(child);
  while (stack.length > 0) {
    const element = stack.pop() as Y.XmlElement;
    count += 1;
    for (const child of element.toArray()) if (child instanceof Y.XmlElement) stack.push(child);
  }
  return count;
}

/**
 * Holds raw client updates to the page model before they are stored, looking only at the
 * structs the transaction inserted, so a keystroke costs the same in a one-line page and in a
 * book:
 * - only the body fragment and the title text may exist at the top level, the title holds only
 *   text, and every element in the body is a schema node, at most `maxDepth` deep;
 * - element attributes are ones the node declares, within `maxAttributeLength`, and allowed by
 *   the schema's value rules (an image's `src` is a safe address); anything else, event-handler
 *   look-alikes included, is refused rather than stored for other clients to receive;
 * - text formatting is a schema mark with its declared attributes (a link's `href` is safe);
 * - a text block and the title stay within `maxTextLength`, tables within their row and cell
 *   limits, and the body within `maxNodes` elements (counted only when elements are inserted).
 *
 * The title root is compared by identity with `doc.share`, because a root that arrived in an
 * update stays an untyped `AbstractType` until someone asks for it by type.
 *
 * Returns true to accept, or the reason for a refusal.
 */
export function documentSchemaGuard(
  limits: DocumentLimits = documentLimits,
): (change: UpdateValidation) => true | string {
  const declared = declaredAttributes();

  const mapEntryProblem = (item: Y.Item): string | null => {
    const { content, parent } = item;
    if (!(parent instanceof Y.XmlElement) || parent._item?.parent === undefined) {
      return 'attributes are only allowed on elements of the body';
    }
    if (!(content instanceof Y.ContentAny)) return 'an attribute value must be plain data';
    const value = content.arr[content.arr.length - 1];
    return attributeProblem(
      parent.nodeName,
      item.parentSub as string,
      value,
      declared.nodes.get(parent.nodeName),
      limits,
    );
  };

  const formatProblem = (content: Y.ContentFormat): string | null => {
    const mark = markNameOf(content.key);
    const attributes = declared.marks.get(mark);
    if (attributes === undefined) return `unknown mark "${mark}"`;
    const { value } = content;
    if (value === null || value === true) return null;
    if (typeof value !== 'object' || Array.isArray(value))
      return `mark "${mark}" has bad attributes`;
    for (const [name, attribute] of Object.entries(value as Record<string, unknown>)) {
      // A mark's attributes are written whole, defaults included (a link's title is null).
      if (attribute === null && attributes.has(name)) continue;
      const problem = attributeProblem(mark, name, attribute, attributes, limits);
      if (problem !== null) return problem;
    }
    return null;
  };

  const elementProblem = (element: Y.XmlElement, body: unknown): string | null => {
    if (!declared.nodes.has(element.nodeName)) return `unknown node "${element.nodeName}"`;
    if (depthOf(element, body, limits.maxDepth) > limits.maxDepth) {
      return `the document would nest deeper than ${limits.maxDepth} levels (maxDepth)`;
    }
    const parent = element._item?.parent;
    if (element.nodeName === 'tableRow' && parent instanceof Y.XmlElement) {
      if (parent.length > limits.maxTableRows) {
        return `a table would have more than ${limits.maxTableRows} rows (maxTableRows)`;
      }
    }
    if (
      (element.nodeName === 'tableCell' || element.nodeName === 'tableHeader') &&
      parent instanceof Y.XmlElement &&
      parent.length > limits.maxTableColumns
    ) {
      return `a table row would have more than ${limits.maxTableColumns} cells (maxTableColumns)`;
    }
    return null;
  };

  /** Why one inserted struct may not be stored, or null. */
  const insertedItemProblem = (
    item: Y.Item,
    title: unknown,
    body: unknown,
    inserted: { elements: number },
  ): string | null => {
    if (item.deleted) return null;
    const { content, parent } = item;
    if (parent === title) {
      if (item.parentSub !== null) return 'the title holds only text';
      if (content instanceof Y.ContentString) {
        return (title as Y.AbstractType<unknown>)._length > limits.maxTextLength
          ? `the title would be longer than ${limits.maxTextLength} characters (maxTextLength)`
          : null;
      }
      return content instanceof Y.ContentFormat ? null : 'the title holds only text';
    }
    if (item.parentSub !== null) return mapEntryProblem(item);
    if (content instanceof Y.ContentType) {
      const child = content.type;
      if (child instanceof Y.XmlElement) {
        inserted.elements += 1;
        return elementProblem(child, body);
      }
      if (!(child instanceof Y.XmlText)) return 'only elements and text may be inserted';
      return depthOf(child, body, limits.maxDepth) > limits.maxDepth
        ? `the document would nest deeper than ${limits.maxDepth} levels (maxDepth)`
        : null;
    }
    if (content instanceof Y.ContentDeleted) return null;
    if (!(parent instanceof Y.XmlText)) return 'text must be inside a text node';
    if (content instanceof Y.ContentString) {
      return parent._length > limits.maxTextLength
        ? `a text block would be longer than ${limits.maxTextLength} characters (maxTextLength)`
        : null;
    }
    if (content instanceof Y.ContentFormat) return formatProblem(content);
    return 'only text and formatting may be inserted into text';
  };

  return ({ doc, transaction }) => {
    for (const name of doc.share.keys()) {
      if (!allowedRoots.has(name)) return `unknown top-level field "${name}"`;
    }
    const title = doc.share.get(pageTitleField);
    let body: Y.XmlFragment;
    try {
      // Typed now (a root that arrived in an update is untyped), so parents compare by identity.
      body = doc.getXmlFragment(pageBodyField);
    } catch {
      return 'the body must be an XML fragment';
    }
    const inserted = { elements: 0 };
    for (const [client, afterClock] of transaction.afterState) {
      const beforeClock = transaction.beforeState.get(client) ?? 0;
      if (afterClock <= beforeClock) continue;
      const structs = doc.store.clients.get(client);
      if (!structs) continue;
      for (let index = Y.findIndexSS(structs, beforeClock); index < structs.length; index++) {
        const struct = structs[index];
        if (!struct || struct.id.clock >= afterClock) break;
        if (!(struct instanceof Y.Item)) continue;
        const problem = insertedItemProblem(struct, title, body, inserted);
        if (problem !== null) return problem;
      }
    }
    if (inserted.elements > 0 && countElements(body) > limits.maxNodes) {
      return `the document would have more than ${limits.maxNodes} nodes (maxNodes)`;
    }
    return true;
  };
}
