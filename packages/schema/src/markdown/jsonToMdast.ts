import type { JSONContent } from '@tiptap/core';
import type {
  BlockContent,
  Html,
  ListItem,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { isCalloutKind } from '../extensions/Callout';
import { isAnnotationMark } from '../isAnnotationMark';
import { CALLOUT_TO_ALERT } from './calloutMarkers';
import { mentionMarkdown } from './mentionMarkdown';
import { tableAsHTML } from './tableAsHTML';

type JSONMark = NonNullable<JSONContent['marks']>[number];

/** Where a callout's `[!NOTE]` marker goes: alone on its line (GitHub) or before the text. */
export type CalloutMarkerStyle = 'own-line' | 'same-line';

/** Options of {@link jsonToMdast}. */
export interface JSONToMdastOptions {
  calloutMarker: CalloutMarkerStyle;
  /** Maps image sources on the way out. */
  imageSrc: (src: string) => string;
}

interface Context extends JSONToMdastOptions {
  /** Inside a table cell, where a line break must be written as `<br>`. */
  inTableCell: boolean;
}

/** Marks written as inline HTML: Markdown has no syntax for them. */
const HTML_MARKS: Record<string, string> = { underline: 'u', highlight: 'mark' };

/**
 * Nesting order of marks that reach equally far: `**[text](url)**` is the more common
 * spelling, so links go inside emphasis.
 */
const MARK_PRIORITY: Record<string, number> = { bold: 1, italic: 2, strike: 3, link: 4 };

const html = (value: string): Html => ({ type: 'html', value });

function marksOf(node: JSONContent): JSONMark[] {
  return (node.marks ?? []).filter((mark) => mark.type !== 'code' && !isAnnotationMark(mark.type));
}

function sameMark(a: JSONMark, b: JSONMark): boolean {
  return a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});
}

/** How many inline nodes from `start` on carry the mark: longer runs nest outside. */
function reach(items: readonly JSONContent[], start: number, mark: JSONMark): number {
  let end = start;
  while (end < items.length && marksOf(items[end] as JSONContent).some((m) => sameMark(m, mark))) {
    end++;
  }
  return end - start;
}

function leaf(node: JSONContent, ctx: Context): PhrasingContent[] {
  switch (node.type) {
    case 'text': {
      const text = node.text ?? '';
      if (node.marks?.some((mark) => mark.type === 'code'))
        return [{ type: 'inlineCode', value: text }];
      return [{ type: 'text', value: text }];
    }
    case 'hardBreak':
      return [ctx.inTableCell ? html('<br>') : { type: 'break' }];
    case 'mention':
      return [html(mentionMarkdown(node.attrs?.label, node.attrs?.userId))];
    case 'image':
      return [
        {
          type: 'image',
          url: ctx.imageSrc(String(node.attrs?.src ?? '')),
          alt: (node.attrs?.alt as string | null | undefined) ?? null,
          title: (node.attrs?.title as string | null | undefined) ?? null,
        },
      ];
    default:
      return [];
  }
}

interface OpenMark {
  mark: JSONMark;
  children: PhrasingContent[];
}

/**
 * Turns flat ProseMirror inline content (text with a set of marks each) into nested Markdown
 * phrasing. Marks that continue longer are opened first so they wrap the shorter ones.
 */
function phrasing(content: readonly JSONContent[], ctx: Context): PhrasingContent[] {
  // A line break at the end of a paragraph has no Markdown spelling (and no visible effect).
  let end = content.length;
  while (end > 0 && content[end - 1]?.type === 'hardBreak') end--;
  const items = content.slice(0, end);
  const root: PhrasingContent[] = [];
  const stack: OpenMark[] = [];
  const target = (): PhrasingContent[] => stack[stack.length - 1]?.children ?? root;
  const close = (): void => {
    const top = stack.pop();
    if (top === undefined) return;
    const { mark, children } = top;
    const into = target();
    const tag = HTML_MARKS[mark.type];
    if (tag !== undefined) {
      into.push(html(`<${tag}>`), ...children, html(`</${tag}>`));
    } else if (mark.type === 'bold') {
      into.push({ type: 'strong', children });
    } else if (mark.type === 'italic') {
      into.push({ type: 'emphasis', children });
    } else if (mark.type === 'strike') {
      into.push({ type: 'delete', children });
    } else if (mark.type === 'link') {
      into.push({
        type: 'link',
        url: String(mark.attrs?.href ?? ''),
        title: (mark.attrs?.title as string | null | undefined) ?? null,
        children,
      });
    } else {
      into.push(...children);
    }
  };
  items.forEach((item, index) => {
    const marks = marksOf(item);
    let keep = 0;
    while (keep < stack.length && marks.some((m) => sameMark(m, (stack[keep] as OpenMark).mark))) {
      keep++;
    }
    while (stack.length > keep) close();
    const opening = marks
      .filter((mark) => !stack.some((open) => sameMark(open.mark, mark)))
      .sort(
        (a, b) =>
          reach(items, index, b) - reach(items, index, a) ||
          (MARK_PRIORITY[a.type] ?? 9) - (MARK_PRIORITY[b.type] ?? 9),
      );
    for (const mark of opening) stack.push({ mark, children: [] });
    target().push(...leaf(item, ctx));
  });
  while (stack.length > 0) close();
  return root;
}

function listItem(node: JSONContent, ctx: Context): ListItem {
  const item: ListItem = { type: 'listItem', spread: false, children: flow(node.content, ctx) };
  if (node.type === 'taskItem') item.checked = node.attrs?.checked === true;
  return item;
}

function cellPhrasing(cell: JSONContent, ctx: Context): PhrasingContent[] {
  const cellCtx = { ...ctx, inTableCell: true };
  const parts = (cell.content ?? [])
    .map((block) => phrasing(inlineContentOf(block), cellCtx))
    .filter((part) => part.length > 0);
  return parts.flatMap((part, index) => (index === 0 ? part : [html('<br>'), ...part]));
}

/** A table cell holds one line in Markdown: nested blocks are flattened to their inline text. */
function inlineContentOf(block: JSONContent): JSONContent[] {
  if (block.type === 'paragraph' || block.type === 'heading' || block.type === 'codeBlock') {
    if (block.type === 'codeBlock') {
      const text = (block.content ?? []).map((child) => child.text ?? '').join('');
      return text === '' ? [] : [{ type: 'text', text, marks: [{ type: 'code' }] }];
    }
    return block.content ?? [];
  }
  const parts = (block.content ?? []).map(inlineContentOf).filter((part) => part.length > 0);
  return parts.flatMap((part, index) => (index === 0 ? part : [{ type: 'hardBreak' }, ...part]));
}

/**
 * Whether a GFM pipe table can hold this table: a header row and then plain rows of the same
 * width, no merged cells, and one paragraph (or nothing) per cell.
 */
function fitsPipeTable(node: JSONContent): boolean {
  const rows = node.content ?? [];
  const width = rows[0]?.content?.length ?? 0;
  return rows.every((row, rowIndex) => {
    const cells = row.content ?? [];
    return (
      cells.length === width &&
      cells.every((cell) => {
        const blocks = cell.content ?? [];
        return (
          cell.type === (rowIndex === 0 ? 'tableHeader' : 'tableCell') &&
          Number(cell.attrs?.colspan ?? 1) === 1 &&
          Number(cell.attrs?.rowspan ?? 1) === 1 &&
          blocks.length <= 1 &&
          (blocks[0] === undefined || blocks[0].type === 'paragraph')
        );
      })
    );
  });
}

function table(node: JSONContent, ctx: Context): Table | Html {
  if (!fitsPipeTable(node)) return html(tableAsHTML(node, ctx.imageSrc));
  const rows = node.content ?? [];
  const header = rows[0]?.content ?? [];
  return {
    type: 'table',
    align: header.map((cell) => {
      const align = cell.attrs?.align;
      return align === 'left' || align === 'right' || align === 'center' ? align : null;
    }),
    children: rows.map(
      (row): TableRow => ({
        type: 'tableRow',
        children: (row.content ?? []).map(
          (cell): TableCell => ({ type: 'tableCell', children: cellPhrasing(cell, ctx) }),
        ),
      }),
    ),
  };
}

function callout(node: JSONContent, ctx: Context): BlockContent {
  const kind = isCalloutKind(node.attrs?.kind) ? node.attrs.kind : 'info';
  const marker = `[!${CALLOUT_TO_ALERT[kind]}]`;
  const children = flow(node.content, ctx);
  const first = children[0];
  if (first?.type === 'paragraph') {
    const separator = ctx.calloutMarker === 'same-line' ? ' ' : '\n';
    first.children.unshift(html(marker + separator));
    return { type: 'blockquote', children };
  }
  return {
    type: 'blockquote',
    children: [{ type: 'paragraph', children: [html(marker)] }, ...children],
  };
}

function block(node: JSONContent, ctx: Context): RootContent[] {
  switch (node.type) {
    case 'paragraph': {
      const children = phrasing(node.content ?? [], ctx);
      // Markdown has no empty paragraph; the blank line around blocks already separates them.
      return children.length > 0 ? [{ type: 'paragraph', children }] : [];
    }
    case 'heading':
      return [
        {
          type: 'heading',
          depth: Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1))) as 1 | 2 | 3 | 4 | 5 | 6,
          children: phrasing(node.content ?? [], ctx),
        },
      ];
    case 'codeBlock': {
      const info = typeof node.attrs?.language === 'string' ? node.attrs.language.trim() : '';
      const space = info.search(/\s/);
      return [
        {
          type: 'code',
          lang: (space < 0 ? info : info.slice(0, space)) || null,
          meta: space < 0 ? null : info.slice(space + 1).trim() || null,
          value: (node.content ?? []).map((child) => child.text ?? '').join(''),
        },
      ];
    }
    case 'blockquote':
      return [{ type: 'blockquote', children: flow(node.content, ctx) }];
    case 'callout':
      return [callout(node, ctx)];
    case 'bulletList':
    case 'taskList':
      return [
        {
          type: 'list',
          ordered: false,
          spread: false,
          children: (node.content ?? []).map((item) => listItem(item, ctx)),
        },
      ];
    case 'orderedList':
      return [
        {
          type: 'list',
          ordered: true,
          start: Number(node.attrs?.start ?? 1),
          spread: false,
          children: (node.content ?? []).map((item) => listItem(item, ctx)),
        },
      ];
    case 'horizontalRule':
      return [{ type: 'thematicBreak' }];
    case 'table':
      return [table(node, ctx)];
    default:
      return flow(node.content, ctx);
  }
}

function flow(content: readonly JSONContent[] | undefined, ctx: Context): BlockContent[] {
  return (content ?? []).flatMap((child) => block(child, ctx)) as BlockContent[];
}

/** Maps a page document to a Markdown syntax tree. */
export function jsonToMdast(doc: JSONContent, options: JSONToMdastOptions): Root {
  const root: Parent = {
    type: 'root',
    children: flow(doc.content, { ...options, inTableCell: false }),
  };
  return root as Root;
}
