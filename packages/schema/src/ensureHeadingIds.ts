import type { JSONContent } from '@tiptap/core';
import { assignHeadingIds } from './assignHeadingIds';

function collectText(node: JSONContent): string {
  if (typeof node.text === 'string') return node.text;
  return (node.content ?? []).map(collectText).join('');
}

function collectHeadings(node: JSONContent, into: JSONContent[]): void {
  if (node.type === 'heading') {
    into.push(node);
    return;
  }
  for (const child of node.content ?? []) collectHeadings(child, into);
}

function withIds(node: JSONContent, ids: Map<JSONContent, string>): JSONContent {
  const id = ids.get(node);
  if (id !== undefined) return { ...node, attrs: { ...node.attrs, id } };
  if (node.content === undefined) return node;
  return { ...node, content: node.content.map((child) => withIds(child, ids)) };
}

/** The headings whose id must change (missing, invalid or taken), with the id each gets. */
function headingIdChanges(doc: JSONContent): Map<JSONContent, string> {
  const headings: JSONContent[] = [];
  collectHeadings(doc, headings);
  const ids = new Map<JSONContent, string>();
  if (headings.length === 0) return ids;
  const assigned = assignHeadingIds(
    headings.map((heading) => ({ id: heading.attrs?.id, text: collectText(heading) })),
  );
  headings.forEach((heading, index) => {
    const id = assigned[index];
    if (id !== undefined && heading.attrs?.id !== id) ids.set(heading, id);
  });
  return ids;
}

/**
 * Returns a copy of a document in which every heading has a valid id, unique in the document.
 * Existing unique ids are kept; the input is not modified.
 */
export function ensureHeadingIds(doc: JSONContent): JSONContent {
  const ids = headingIdChanges(doc);
  return ids.size === 0 ? doc : withIds(doc, ids);
}

/**
 * The same ids as {@link ensureHeadingIds}, set in place: for JSON the caller has just built,
 * where copying a whole document to change a few headings would be most of the work.
 */
export function setHeadingIds(doc: JSONContent): JSONContent {
  for (const [heading, id] of headingIdChanges(doc)) heading.attrs = { ...heading.attrs, id };
  return doc;
}
