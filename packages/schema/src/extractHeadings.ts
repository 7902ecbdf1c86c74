import type { JSONContent } from '@tiptap/core';
import { ensureHeadingIds } from './ensureHeadingIds';
import { jsonToPlainText } from './jsonToPlainText';

/** A heading of a page, for tables of contents and `#anchor` links. */
export interface HeadingInfo {
  id: string;
  level: number;
  text: string;
}

function collect(node: JSONContent, into: HeadingInfo[]): void {
  if (node.type === 'heading') {
    into.push({
      id: String(node.attrs?.id),
      level: Number(node.attrs?.level ?? 1),
      text: jsonToPlainText(node).replace(/\s+/g, ' ').trim(),
    });
    return;
  }
  for (const child of node.content ?? []) collect(child, into);
}

/**
 * Lists the headings of a document in order. Headings without a stored id get the id the
 * editor would give them, so the result always has unique ids.
 */
export function extractHeadings(json: JSONContent): HeadingInfo[] {
  const headings: HeadingInfo[] = [];
  collect(ensureHeadingIds(json), headings);
  return headings;
}
