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

function inlineText(node: JSONContent): string {
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'hardBreak':
      return '\n';
    case 'image': {
      const alt = node.attrs?.alt;
      return typeof alt === 'string' ? alt : '';
    }
    default:
      return (node.content ?? []).map(inlineText).join('');
  }
}

function blockText(node: JSONContent): string {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
    return (node.content ?? []).map(inlineText).join('');
  }
  if (node.type === 'horizontalRule') return '';
  const separator = CONTAINER_SEPARATOR[node.type ?? ''] ?? '\n\n';
  return (node.content ?? [])
    .map(blockText)
    .filter((text) => text !== '')
    .join(separator);
}

/**
 * Readable plain text of a document for search and excerpts: blocks separated by a blank
 * line, list items and table rows on their own lines, table cells separated by a tab, images
 * by their alt text. Marks and URLs are left out.
 */
export function jsonToPlainText(json: JSONContent): string {
  return blockText(json);
}
