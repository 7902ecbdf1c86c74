import type { JSONContent } from '@tiptap/core';

/** All text of a document, including image descriptions, blocks on their own lines. */
export function documentText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  if (node.type === 'image') return String(node.attrs?.alt ?? '');
  const inner = (node.content ?? []).map(documentText).join('');
  const inline = node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock';
  return inline ? `${inner}\n` : `\n${inner}\n`;
}
