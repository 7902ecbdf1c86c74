import type { JSONContent } from '@tiptap/core';

const CONTAINER_SEPARATOR: Record<string, string> = {
  bulletList: '\n',
  orderedList: '\n',
  taskList: '\n',
  listItem: '\n',
  taskItem: '\n',
  tableRow: '\t',
  table: '\n',
  tableCell: ' ',
  tableHeader: ' ',
};

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** The text of inline content and of anything nested in it, without recursion. */
function inlineText(content: readonly JSONContent[]): string {
  let out = '';
  const work = [...content].reverse();
  while (work.length > 0) {
    const node = work.pop() as JSONContent;
    if (node.type === 'text') out += node.text ?? '';
    else if (node.type === 'hardBreak') out += '\n';
    else if (node.type === 'mention') {
      const label = node.attrs?.label;
      if (typeof label === 'string') out += `@${label}`;
    } else if (node.type === 'image') {
      const alt = node.attrs?.alt;
      if (typeof alt === 'string') out += alt;
    } else {
      const children = node.content ?? [];
      for (let index = children.length - 1; index >= 0; index--) {
        work.push(children[index] as JSONContent);
      }
    }
  }
  return out;
}

/** One container being read: its separator and the texts of its children so far. */
interface Frame {
  readonly separator: string;
  readonly parts: string[];
}

/** Without recursion: even a document nested far past the limits is read safely. */
function plainText(root: JSONContent): string {
  const result: Frame = { separator: '', parts: [] };
  const open: Frame[] = [result];
  const close = Symbol('close');
  const work: (JSONContent | typeof close)[] = [root];
  while (work.length > 0) {
    const item = work.pop() as JSONContent | typeof close;
    if (item === close) {
      const done = open.pop() as Frame;
      const text = done.parts.filter((part) => part !== '').join(done.separator);
      (open[open.length - 1] as Frame).parts.push(text);
      continue;
    }
    const parent = open[open.length - 1] as Frame;
    if (TEXTBLOCKS.has(item.type ?? '')) {
      parent.parts.push(inlineText(item.content ?? []));
      continue;
    }
    if (item.type === 'horizontalRule') {
      parent.parts.push('');
      continue;
    }
    open.push({ separator: CONTAINER_SEPARATOR[item.type ?? ''] ?? '\n\n', parts: [] });
    work.push(close);
    const content = item.content ?? [];
    for (let index = content.length - 1; index >= 0; index--) {
      work.push(content[index] as JSONContent);
    }
  }
  return result.parts[0] ?? '';
}

/**
 * Readable plain text of a document for search and excerpts: blocks separated by a blank
 * line, list items and table rows on their own lines, table cells separated by a tab, images
 * by their alt text, mentions as `@Name`. Marks and URLs are left out.
 */
export function jsonToPlainText(json: JSONContent): string {
  return plainText(json);
}
