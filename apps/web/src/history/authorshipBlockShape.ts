import type { AuthoredBlock } from '@lore/api';

export interface BlockShape {
  /** The element that shows the block. */
  tag: 'p' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'pre' | 'hr' | 'figure';
  /** How many lists and quotes it sits in, for indentation. */
  depth: number;
  /** Inside a list item, so it gets a bullet. */
  listed: boolean;
  /** Inside a quote, so it gets the quote's rule. */
  quoted: boolean;
  /** Inside a table cell. */
  tabular: boolean;
}

const nesting = new Set(['bulletList', 'orderedList', 'taskList', 'blockquote', 'callout']);
const items = new Set(['listItem', 'taskItem']);

/**
 * How one block of the "who wrote what" view is laid out. The view shows text, not the exact
 * page layout: headings stay headings (one level down, under the panel's own heading), code
 * stays code, and lists and quotes show as indentation.
 */
export function authorshipBlockShape(block: AuthoredBlock): BlockShape {
  const depth = block.path.filter((container) => nesting.has(container)).length;
  const listed = items.has(block.path.at(-1) ?? '');
  const quoted = block.path.includes('blockquote') || block.path.includes('callout');
  const tabular = block.path.includes('tableCell') || block.path.includes('tableHeader');
  let tag: BlockShape['tag'] = 'p';
  if (block.type === 'heading') {
    const level = Math.min(6, Math.max(2, (block.level ?? 1) + 1));
    tag = `h${level}` as BlockShape['tag'];
  } else if (block.type === 'codeBlock') tag = 'pre';
  else if (block.type === 'horizontalRule') tag = 'hr';
  else if (block.runs.length === 0 && block.type !== 'paragraph') tag = 'figure';
  return { tag, depth, listed, quoted, tabular };
}
