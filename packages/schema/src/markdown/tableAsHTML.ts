import type { JSONContent } from '@tiptap/core';
import { escapeHTML } from '../escapeHTML';
import { jsonToHTML } from '../jsonToHTML';

const IMAGE_SRC = /(<img[^>]*\ssrc=")([^"]*)(")/g;

function unescapeAttribute(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_all, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : "'",
  );
}

function cellHTML(cell: JSONContent, imageSrc: (src: string) => string): string {
  const blocks = cell.content ?? [];
  const only = blocks[0];
  const html =
    blocks.length === 1 && only?.type === 'paragraph'
      ? jsonToHTML({ type: 'doc', content: [only] }).replace(/^<p>|<\/p>$/g, '')
      : jsonToHTML({ type: 'doc', content: blocks });
  const tag = cell.type === 'tableHeader' ? 'th' : 'td';
  const span = ['colspan', 'rowspan']
    .filter((name) => Number(cell.attrs?.[name] ?? 1) > 1)
    .map((name) => ` ${name}="${Number(cell.attrs?.[name])}"`)
    .join('');
  const align = cell.attrs?.align;
  const style =
    align === 'left' || align === 'right' || align === 'center' ? ` align="${align}"` : '';
  // An HTML block ends at a blank line, so line breaks inside cells are written as references.
  const mapped = html.replace(
    IMAGE_SRC,
    (_all, start: string, src: string, end: string) =>
      `${start}${escapeHTML(imageSrc(unescapeAttribute(src)))}${end}`,
  );
  return `<${tag}${span}${style}>${mapped.replace(/\n/g, '&#10;')}</${tag}>`;
}

/**
 * Writes a table that a GFM pipe table cannot hold (no header row, merged cells, lists or
 * several paragraphs in a cell) as an HTML block, which Markdown readers, and
 * {@link markdownToJSON}, read back unchanged.
 */
export function tableAsHTML(table: JSONContent, imageSrc: (src: string) => string): string {
  const rows = (table.content ?? []).map(
    (row) => `<tr>${(row.content ?? []).map((cell) => cellHTML(cell, imageSrc)).join('')}</tr>`,
  );
  return `<table>\n${rows.join('\n')}\n</table>`;
}
