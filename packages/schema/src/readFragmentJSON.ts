import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { markNameOf } from './markNameOf';

function textNodes(text: Y.XmlText): JSONContent[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  const out: JSONContent[] = [];
  for (const run of delta) {
    if (typeof run.insert !== 'string') continue;
    const node: JSONContent = { type: 'text', text: run.insert };
    if (run.attributes) {
      node.marks = Object.entries(run.attributes).map(([key, attrs]) => {
        const mark: { type: string; attrs?: Record<string, unknown> } = {
          type: markNameOf(key),
        };
        if (typeof attrs === 'object' && attrs !== null) {
          mark.attrs = attrs as Record<string, unknown>;
        }
        return mark;
      });
    }
    out.push(node);
  }
  return out;
}

/**
 * Reads a Y.XmlFragment as ProseMirror JSON, as y-prosemirror's own reader does, but without
 * recursion: a document nested thousands of levels deep (written before the structure limits,
 * or around them) is read like any other and left for the caller to bring within the limits.
 * Only reads; nothing in the Y.Doc changes.
 */
export function readFragmentJSON(fragment: Y.XmlFragment): JSONContent {
  const root: JSONContent = { type: 'doc', content: [] };
  const stack: { type: Y.XmlElement | Y.XmlText | unknown; into: JSONContent[] }[] = [];
  const pushChildren = (parent: Y.XmlFragment | Y.XmlElement, into: JSONContent[]) => {
    const children = parent.toArray();
    for (let index = children.length - 1; index >= 0; index--) {
      stack.push({ type: children[index], into });
    }
  };
  pushChildren(fragment, root.content as JSONContent[]);
  while (stack.length > 0) {
    const { type, into } = stack.pop() as { type: unknown; into: JSONContent[] };
    if (type instanceof Y.XmlText) {
      into.push(...textNodes(type));
    } else if (type instanceof Y.XmlElement) {
      const node: JSONContent = { type: type.nodeName };
      const attrs = type.getAttributes();
      if (Object.keys(attrs).length > 0) node.attrs = attrs;
      into.push(node);
      if (type.length > 0) {
        node.content = [];
        pushChildren(type, node.content);
      }
    }
  }
  return root;
}
