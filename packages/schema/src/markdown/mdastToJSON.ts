import type { JSONContent } from '@tiptap/core';
import type {
  Blockquote,
  Definition,
  Heading,
  List,
  ListItem,
  Node as MdastNode,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import { parseHTMLToDoc } from '../html/parseHTMLToDoc';
import type { ImageSrcResolver } from '../ImageSrcResolver';
import { isSafeHref } from '../isSafeHref';
import { isSafeImageSrc } from '../isSafeImageSrc';
import { isValidHeadingId } from '../isValidHeadingId';
import { jsonToHTML } from '../jsonToHTML';
import { ALERT_MARKER, ALERT_TO_CALLOUT } from './calloutMarkers';
import { mentionUserIdOf } from './mentionMarkdown';
import { openHTMLDepth } from './openHTMLDepth';
import { phrasingToHTML } from './phrasingToHTML';

type JSONMark = NonNullable<JSONContent['marks']>[number];

interface Context {
  definitions: Map<string, Definition>;
  resolveImageSrc: ImageSrcResolver | undefined;
}

const emptyParagraph = (): JSONContent => ({ type: 'paragraph' });

/** A soft line break inside a paragraph reads as a space, as it renders. */
function unwrap(text: string): string {
  if (!text.includes('\n')) return text;
  return text.replace(/[ \t]*\r?\n[ \t]*/g, ' ');
}

function textNode(text: string, marks: readonly JSONMark[]): JSONContent[] {
  if (text === '') return [];
  return [marks.length > 0 ? { type: 'text', text, marks: [...marks] } : { type: 'text', text }];
}

function linkMark(url: string, title: string | null | undefined): JSONMark | null {
  return isSafeHref(url) ? { type: 'link', attrs: { href: url, title: title ?? null } } : null;
}

function imageNode(
  url: string,
  alt: string | null | undefined,
  title: string | null | undefined,
  marks: readonly JSONMark[],
  ctx: Context,
): JSONContent[] {
  const src = isSafeImageSrc(url) ? url : ctx.resolveImageSrc?.(url);
  if (src !== null && src !== undefined && isSafeImageSrc(src)) {
    const node: JSONContent = {
      type: 'image',
      attrs: { src, alt: alt || null, title: title || null },
    };
    if (marks.length > 0) node.marks = [...marks];
    return [node];
  }
  // No attachment for this file: keep a link to it (when allowed) so nothing is lost.
  const link = marks.some((mark) => mark.type === 'link') ? null : linkMark(url, title);
  return textNode(alt || url, link === null ? marks : [...marks, link]);
}

/** The text of phrasing content, without its formatting. */
function textOf(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node) => ('value' in node ? node.value : 'children' in node ? textOf(node.children) : ''))
    .join('');
}

/** Whether `node` is `[Name](user:<id>)` right after an `@`: a mention, `@[Name](user:<id>)`. */
function isMention(node: PhrasingContent | undefined, before: PhrasingContent | undefined) {
  return (
    node?.type === 'link' &&
    mentionUserIdOf(node.url) !== null &&
    before?.type === 'text' &&
    before.value.endsWith('@') &&
    textOf(node.children).trim() !== ''
  );
}

function inline(
  nodes: readonly PhrasingContent[],
  marks: readonly JSONMark[],
  ctx: Context,
): JSONContent[] {
  return nodes.flatMap((node, index): JSONContent[] => {
    switch (node.type) {
      case 'text': {
        // The `@` of a mention that follows belongs to the mention.
        const text = isMention(nodes[index + 1], node) ? node.value.slice(0, -1) : node.value;
        return textNode(unwrap(text), marks);
      }
      case 'emphasis':
        return inline(node.children, [...marks, { type: 'italic' }], ctx);
      case 'strong':
        return inline(node.children, [...marks, { type: 'bold' }], ctx);
      case 'delete':
        return inline(node.children, [...marks, { type: 'strike' }], ctx);
      case 'inlineCode':
        return textNode(unwrap(node.value), [...marks, { type: 'code' }]);
      case 'break':
        return [
          marks.length > 0 ? { type: 'hardBreak', marks: [...marks] } : { type: 'hardBreak' },
        ];
      case 'link': {
        if (isMention(node, nodes[index - 1])) {
          const mention: JSONContent = {
            type: 'mention',
            attrs: { userId: mentionUserIdOf(node.url), label: unwrap(textOf(node.children)) },
          };
          if (marks.length > 0) mention.marks = [...marks];
          return [mention];
        }
        const link = linkMark(node.url, node.title);
        return inline(node.children, link ? [...marks, link] : marks, ctx);
      }
      case 'linkReference': {
        const definition = ctx.definitions.get(node.identifier);
        const link = definition ? linkMark(definition.url, definition.title) : null;
        return inline(node.children, link ? [...marks, link] : marks, ctx);
      }
      case 'image':
        return imageNode(node.url, node.alt, node.title, marks, ctx);
      case 'imageReference': {
        const definition = ctx.definitions.get(node.identifier);
        return definition
          ? imageNode(definition.url, node.alt, definition.title, marks, ctx)
          : textNode(node.alt ?? '', marks);
      }
      case 'footnoteReference':
        return textNode(`[^${node.label ?? node.identifier}]`, marks);
      default:
        return [];
    }
  });
}

function hasHTML(nodes: readonly PhrasingContent[]): boolean {
  return nodes.some(
    (node) => node.type === 'html' || ('children' in node && hasHTML(node.children)),
  );
}

/**
 * Whitespace and line breaks at the very end of a paragraph do not show, and Markdown cannot
 * write them; HTML often has them (`text <br>`), so they are dropped when reading it.
 */
function trimTextblockEnd(block: JSONContent): JSONContent {
  if (block.type !== 'paragraph' && block.type !== 'heading') {
    return block.content ? { ...block, content: block.content.map(trimTextblockEnd) } : block;
  }
  const content = [...(block.content ?? [])];
  for (;;) {
    const last = content[content.length - 1];
    if (last?.type === 'hardBreak') {
      content.pop();
    } else if (last?.type === 'text' && /\s$/.test(last.text ?? '')) {
      const text = (last.text ?? '').trimEnd();
      if (text === '') content.pop();
      else content[content.length - 1] = { ...last, text };
    } else {
      break;
    }
  }
  const { content: _dropped, ...rest } = block;
  return content.length > 0 ? { ...rest, content } : rest;
}

/** Inline content mixed with raw HTML, read through the schema's HTML parse rules. */
function htmlBlocks(html: string, ctx: Context): JSONContent[] {
  const doc = parseHTMLToDoc(html, ctx.resolveImageSrc).toJSON() as JSONContent;
  // Comments and layout-only tags (`<div>`, `<br>`) leave paragraphs without text.
  return (doc.content ?? [])
    .map(trimTextblockEnd)
    .filter((block) => block.type !== 'paragraph' || block.content !== undefined);
}

function inlineOf(blocks: readonly JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  const textblocks: JSONContent[] = [];
  const collect = (node: JSONContent): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
      textblocks.push(node);
    } else {
      for (const child of node.content ?? []) collect(child);
    }
  };
  for (const block of blocks) collect(block);
  textblocks.forEach((block, index) => {
    if (index > 0 && out.length > 0) out.push({ type: 'hardBreak' });
    out.push(...(block.content ?? []));
  });
  return out;
}

function paragraphBlocks(node: Paragraph, ctx: Context): JSONContent[] {
  if (hasHTML(node.children))
    return htmlBlocks(phrasingToHTML(node.children, ctx.definitions), ctx);
  const content = inline(node.children, [], ctx);
  return content.length > 0 ? [{ type: 'paragraph', content }] : [];
}

/** `<a name="old-anchor"></a>` in a heading keeps old links to that anchor working. */
function anchorId(node: Heading): string | null {
  for (const child of node.children) {
    if (child.type !== 'html') continue;
    const match = /<a\s[^>]*\b(?:name|id)\s*=\s*["']?([^"'\s>]+)/i.exec(child.value);
    if (match && isValidHeadingId(match[1])) return match[1];
  }
  return null;
}

function headingBlock(node: Heading, ctx: Context): JSONContent {
  const content = hasHTML(node.children)
    ? inlineOf(htmlBlocks(`<p>${phrasingToHTML(node.children, ctx.definitions)}</p>`, ctx))
    : inline(node.children, [], ctx);
  const heading: JSONContent = {
    type: 'heading',
    attrs: { level: node.depth, id: anchorId(node) },
  };
  if (content.length > 0) heading.content = content;
  return heading;
}

function withLeadingParagraph(content: JSONContent[]): JSONContent[] {
  return content[0]?.type === 'paragraph' ? content : [emptyParagraph(), ...content];
}

function listItemNode(item: ListItem, task: boolean, ctx: Context): JSONContent {
  const content = withLeadingParagraph(blocks(item.children, ctx));
  return task
    ? { type: 'taskItem', attrs: { checked: item.checked === true }, content }
    : { type: 'listItem', content };
}

/** A Markdown list may mix task and plain items; the schema keeps them in separate lists. */
function listBlocks(node: List, ctx: Context): JSONContent[] {
  if (node.ordered) {
    return [
      {
        type: 'orderedList',
        attrs: { start: node.start ?? 1 },
        content: node.children.map((item) => {
          const converted = listItemNode(item, false, ctx);
          if (typeof item.checked === 'boolean') {
            // Ordered task lists do not exist in the schema: keep the box as text.
            const first = converted.content?.[0];
            if (first) {
              first.content = [
                { type: 'text', text: item.checked ? '[x] ' : '[ ] ' },
                ...(first.content ?? []),
              ];
            }
          }
          return converted;
        }),
      },
    ];
  }
  const runs: { task: boolean; items: ListItem[] }[] = [];
  for (const item of node.children) {
    const task = typeof item.checked === 'boolean';
    const last = runs[runs.length - 1];
    if (last && last.task === task) last.items.push(item);
    else runs.push({ task, items: [item] });
  }
  return runs.map((run) => ({
    type: run.task ? 'taskList' : 'bulletList',
    content: run.items.map((item) => listItemNode(item, run.task, ctx)),
  }));
}

function blockquoteBlocks(node: Blockquote, ctx: Context): JSONContent[] {
  const first = node.children[0];
  const lead = first?.type === 'paragraph' ? first.children[0] : undefined;
  const marker = lead?.type === 'text' ? ALERT_MARKER.exec(lead.value) : null;
  if (first?.type === 'paragraph' && lead?.type === 'text' && marker) {
    const kind = ALERT_TO_CALLOUT[marker[1]?.toUpperCase() ?? ''] ?? 'info';
    const rest = lead.value.slice(marker[0].length);
    const paragraph: Paragraph = {
      ...first,
      children:
        rest === ''
          ? first.children.slice(1)
          : [{ ...lead, value: rest }, ...first.children.slice(1)],
    };
    const children =
      paragraph.children.length > 0
        ? [paragraph, ...node.children.slice(1)]
        : node.children.slice(1);
    const content = blocks(children, ctx);
    return [
      {
        type: 'callout',
        attrs: { kind },
        content: content.length > 0 ? content : [emptyParagraph()],
      },
    ];
  }
  const content = blocks(node.children, ctx);
  return [{ type: 'blockquote', content: content.length > 0 ? content : [emptyParagraph()] }];
}

function tableBlock(node: Table, ctx: Context): JSONContent {
  const columns = Math.max(...node.children.map((row) => row.children.length), 1);
  return {
    type: 'table',
    content: node.children.map((row, rowIndex) => ({
      type: 'tableRow',
      content: Array.from({ length: columns }, (_, column) => {
        const cell = row.children[column];
        const blocks = cell
          ? paragraphBlocks({ type: 'paragraph', children: cell.children }, ctx)
          : [];
        return {
          type: rowIndex === 0 ? 'tableHeader' : 'tableCell',
          attrs: { colspan: 1, rowspan: 1, colwidth: null, align: node.align?.[column] ?? null },
          content: blocks.length > 0 ? blocks : [emptyParagraph()],
        };
      }),
    })),
  };
}

/**
 * Raw HTML that opens a container (`<table>`, `<div>`…) and closes it in a later block, with
 * Markdown in between, is one element to a reader: the parts are joined — Markdown rendered
 * through the schema — and read as one piece of HTML, as a browser would see them.
 */
function blocks(nodes: readonly (RootContent | MdastNode)[], ctx: Context): JSONContent[] {
  const out: JSONContent[] = [];
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as RootContent;
    let depth = node.type === 'html' ? openHTMLDepth(node.value) : 0;
    if (node.type !== 'html' || depth === 0) {
      out.push(...block(node, ctx));
      continue;
    }
    const parts = [node.value];
    while (depth > 0 && index + 1 < nodes.length) {
      const next = nodes[++index] as RootContent;
      if (next.type === 'html') {
        parts.push(next.value);
        depth = openHTMLDepth(next.value, depth);
      } else {
        parts.push(jsonToHTML({ type: 'doc', content: block(next, ctx) }));
      }
    }
    out.push(...htmlBlocks(parts.join('\n'), ctx));
  }
  return out;
}

function block(node: RootContent, ctx: Context): JSONContent[] {
  switch (node.type) {
    case 'paragraph':
      return paragraphBlocks(node, ctx);
    case 'heading':
      return [headingBlock(node, ctx)];
    case 'thematicBreak':
      return [{ type: 'horizontalRule' }];
    case 'blockquote':
      return blockquoteBlocks(node, ctx);
    case 'list':
      return listBlocks(node, ctx);
    case 'code':
      return [
        {
          type: 'codeBlock',
          attrs: { language: [node.lang, node.meta].filter(Boolean).join(' ') || null },
          ...(node.value === '' ? {} : { content: [{ type: 'text', text: node.value }] }),
        },
      ];
    case 'html':
      return htmlBlocks(node.value, ctx);
    case 'table':
      return [tableBlock(node, ctx)];
    case 'footnoteDefinition': {
      const content = blocks(node.children, ctx);
      const label = { type: 'text', text: `[^${node.label ?? node.identifier}]: ` };
      const first = content[0];
      if (first?.type === 'paragraph') first.content = [label, ...(first.content ?? [])];
      else content.unshift({ type: 'paragraph', content: [label] });
      return content;
    }
    default:
      // Definitions are resolved into their links; front matter is read separately.
      return [];
  }
}

function collectDefinitions(node: MdastNode, into: Map<string, Definition>): void {
  if (node.type === 'definition') {
    const definition = node as Definition;
    // The first definition of a label wins, as in CommonMark.
    if (!into.has(definition.identifier)) into.set(definition.identifier, definition);
  }
  if ('children' in node && Array.isArray(node.children)) {
    for (const child of node.children as MdastNode[]) collectDefinitions(child, into);
  }
}

/**
 * Maps a Markdown syntax tree to ProseMirror JSON of the page schema (before heading ids are
 * assigned and before the final schema check).
 */
export function mdastToJSON(tree: Root, resolveImageSrc?: ImageSrcResolver): JSONContent {
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  const content = blocks(tree.children, { definitions, resolveImageSrc });
  return { type: 'doc', content: content.length > 0 ? content : [emptyParagraph()] };
}
