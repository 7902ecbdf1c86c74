import type { JSONContent } from '@lore/schema';
import * as Y from 'yjs';

/**
 * Writes ProseMirror JSON into a Y.XmlFragment the way a client would, with no check at all: how
 * a hostile or outdated client shapes content (any node name, attribute or mark, any depth).
 * Each element is inserted empty and filled once it is part of the document, so content
 * thousands of levels deep is written without recursion. Text runs become one Y.XmlText per
 * element, with marks as formatting attributes. Call inside a transaction for one update.
 */
export function writeContent(parent: Y.XmlFragment, nodes: readonly JSONContent[]): void {
  const work: [Y.XmlFragment, readonly JSONContent[]][] = [[parent, nodes]];
  while (work.length > 0) {
    const [target, children] = work.pop() as [Y.XmlFragment, readonly JSONContent[]];
    // Siblings go in with one insert (one at a time would walk the list for each).
    const placed: { type: Y.XmlElement | Y.XmlText; nodes: JSONContent[] }[] = [];
    for (const node of children) {
      const last = placed[placed.length - 1];
      if (node.type === 'text' && last?.type instanceof Y.XmlText) last.nodes.push(node);
      else {
        const type =
          node.type === 'text' ? new Y.XmlText() : new Y.XmlElement(node.type ?? 'paragraph');
        placed.push({ type, nodes: [node] });
      }
    }
    target.insert(
      target.length,
      placed.map((entry) => entry.type),
    );
    for (const { type, nodes: run } of placed) {
      if (type instanceof Y.XmlText) {
        for (const node of run) {
          const attributes: Record<string, unknown> = {};
          for (const mark of node.marks ?? []) attributes[mark.type] = mark.attrs ?? {};
          type.insert(type.length, node.text ?? '', attributes);
        }
        continue;
      }
      const [node] = run as [JSONContent];
      for (const [name, value] of Object.entries(node.attrs ?? {})) {
        // Yjs types attributes as strings; clients store any JSON value.
        type.setAttribute(name, value as string);
      }
      if (node.content) work.push([type, node.content]);
    }
  }
}

/** Appends content at the end of a page body, in one transaction (one update). */
export function appendToBody(doc: Y.Doc, nodes: readonly JSONContent[]): void {
  doc.transact(() => writeContent(doc.getXmlFragment('default'), nodes));
}

/** One level of a container kind around `inner`, and how many document levels it adds. */
export const containerKinds: Record<
  string,
  { readonly levels: number; wrap(inner: JSONContent): JSONContent }
> = {
  blockquote: { levels: 1, wrap: (inner) => ({ type: 'blockquote', content: [inner] }) },
  callout: {
    levels: 1,
    wrap: (inner) => ({ type: 'callout', attrs: { kind: 'info' }, content: [inner] }),
  },
  bulletList: {
    levels: 2,
    wrap: (inner) => ({
      type: 'bulletList',
      content: [{ type: 'listItem', content: [paragraph('level'), inner] }],
    }),
  },
  orderedList: {
    levels: 2,
    wrap: (inner) => ({
      type: 'orderedList',
      content: [{ type: 'listItem', content: [paragraph('level'), inner] }],
    }),
  },
  taskList: {
    levels: 2,
    wrap: (inner) => ({
      type: 'taskList',
      content: [
        { type: 'taskItem', attrs: { checked: false }, content: [paragraph('level'), inner] },
      ],
    }),
  },
  table: {
    levels: 3,
    wrap: (inner) => ({
      type: 'table',
      content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [inner] }] }],
    }),
  },
};

export function paragraph(text: string): JSONContent {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

/**
 * `times` levels of a container kind around a paragraph holding `text`: its text sits
 * `times * levels + 2` levels below the document.
 */
export function nested(kind: string, times: number, text = 'deep'): JSONContent {
  const container = containerKinds[kind];
  if (!container) throw new Error(`unknown container kind ${kind}`);
  let node = paragraph(text);
  for (let level = 0; level < times; level++) node = container.wrap(node);
  return node;
}
