import type { Token } from 'markdown-it';
import { unescapeAll } from 'markdown-it/lib/common/utils.mjs';
import type {
  AlignType,
  Heading,
  Nodes,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
  Table,
} from 'mdast';
import type { FootnoteDefinitionMeta } from './gfmFootnoteDefinitions';
import type { TaskListItemMeta } from './gfmTaskListItems';

interface Children<T> {
  children: T[];
}

function isTaskListItemMeta(meta: unknown): meta is TaskListItemMeta {
  return typeof meta === 'object' && meta !== null && 'checked' in meta;
}

/** Code content ends with the line ending of its last line, which mdast leaves out. */
function withoutFinalLineEnding(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

function cellAlign(token: Token): AlignType {
  const style = token.attrGet('style');
  if (style === 'text-align:left') return 'left';
  if (style === 'text-align:center') return 'center';
  if (style === 'text-align:right') return 'right';
  return null;
}

/** The plain text of an image description, as mdast's `alt` holds it. */
function altText(tokens: readonly Token[]): string {
  let alt = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
      case 'html_inline':
        alt += token.content;
        break;
      case 'softbreak':
        alt += '\n';
        break;
      case 'image':
        alt += altText(token.children ?? []);
        break;
      default:
        break;
    }
  }
  return alt;
}

/** Where {@link inlineToMdast} is: the open nodes, innermost last. */
interface PhrasingState {
  readonly stack: Children<PhrasingContent>[];
  parent: Children<PhrasingContent>;
}

/*
 * Module functions over a state rather than closures: they run for every inline token, and
 * named closures made per call are slow under the TypeScript runtime, which wraps each one.
 */
function openPhrasing(state: PhrasingState, node: PhrasingContent & Children<PhrasingContent>) {
  state.parent.children.push(node);
  state.stack.push(node);
  state.parent = node;
}

function closePhrasing(state: PhrasingState): void {
  if (state.stack.length > 1) state.stack.pop();
  state.parent = state.stack[state.stack.length - 1] as Children<PhrasingContent>;
}

/** Adjacent text, line breaks included, is one text node in mdast. */
function appendText(state: PhrasingState, value: string): void {
  const siblings = state.parent.children;
  const last = siblings[siblings.length - 1];
  if (last?.type === 'text') last.value += value;
  else siblings.push({ type: 'text', value });
}

/** Maps markdown-it's inline tokens to mdast phrasing content. */
function inlineToMdast(tokens: readonly Token[]): PhrasingContent[] {
  const root: Children<PhrasingContent> = { children: [] };
  const state: PhrasingState = { stack: [root], parent: root };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        appendText(state, token.content);
        break;
      case 'softbreak':
        appendText(state, '\n');
        break;
      case 'hardbreak':
        state.parent.children.push({ type: 'break' });
        break;
      case 'em_open':
        openPhrasing(state, { type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        openPhrasing(state, { type: 'strong', children: [] });
        break;
      case 's_open':
        openPhrasing(state, { type: 'delete', children: [] });
        break;
      case 'link_open':
        openPhrasing(state, {
          type: 'link',
          url: token.attrGet('href') ?? '',
          title: token.attrGet('title'),
          children: [],
        });
        break;
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        closePhrasing(state);
        break;
      case 'code_inline':
        state.parent.children.push({ type: 'inlineCode', value: token.content });
        break;
      case 'image':
        state.parent.children.push({
          type: 'image',
          url: token.attrGet('src') ?? '',
          title: token.attrGet('title'),
          alt: altText(token.children ?? []),
        });
        break;
      case 'html_inline':
        state.parent.children.push({ type: 'html', value: token.content });
        break;
      default:
        break;
    }
  }
  return root.children;
}

/** Block token → the mdast node it opens, for tokens that open one. */
function openedNode(token: Token, table: Table | null): Nodes | null {
  switch (token.type) {
    case 'paragraph_open':
      return { type: 'paragraph', children: [] };
    case 'heading_open':
      return {
        type: 'heading',
        depth: Number(token.tag.slice(1)) as Heading['depth'],
        children: [],
      };
    case 'blockquote_open':
      return { type: 'blockquote', children: [] };
    case 'bullet_list_open':
      return { type: 'list', ordered: false, children: [] };
    case 'ordered_list_open':
      return {
        type: 'list',
        ordered: true,
        start: Number(token.attrGet('start') ?? 1),
        children: [],
      };
    case 'list_item_open':
      return isTaskListItemMeta(token.meta)
        ? { type: 'listItem', checked: token.meta.checked, children: [] }
        : { type: 'listItem', children: [] };
    case 'table_open':
      return { type: 'table', align: [], children: [] };
    case 'tr_open':
      return { type: 'tableRow', children: [] };
    case 'th_open':
      table?.align?.push(cellAlign(token));
      return { type: 'tableCell', children: [] };
    case 'td_open':
      return { type: 'tableCell', children: [] };
    case 'footnote_definition_open': {
      const label = (token.meta as FootnoteDefinitionMeta).label;
      return { type: 'footnoteDefinition', identifier: label.toLowerCase(), label, children: [] };
    }
    default:
      return null;
  }
}

/** Block token → the leaf mdast node it stands for, if any. */
function leafNode(token: Token): RootContent | null {
  switch (token.type) {
    case 'fence': {
      const info = /^(\S*)\s*([\s\S]*)$/.exec(unescapeAll(token.info).trim());
      return {
        type: 'code',
        lang: info?.[1] || null,
        meta: info?.[2] || null,
        value: withoutFinalLineEnding(token.content),
      };
    }
    case 'code_block':
      return {
        type: 'code',
        lang: null,
        meta: null,
        value: withoutFinalLineEnding(token.content),
      };
    case 'html_block':
      return { type: 'html', value: token.content.replace(/\n+$/, '') };
    case 'hr':
      return { type: 'thematicBreak' };
    default:
      return null;
  }
}

/**
 * Builds the mdast tree of a markdown-it token stream. Paragraphs that markdown-it hides in
 * tight lists are kept; reference links and images arrive resolved, as `link` and `image`; no
 * node has a `position`.
 */
export function markdownItToMdast(tokens: readonly Token[]): Root {
  const root: Root = { type: 'root', children: [] };
  // The parent to return to at each close token; tokens that make no node (thead, tbody) keep
  // the current one.
  const enclosing: Parent[] = [];
  let parent: Parent = root;
  // markdown-it tables do not nest.
  let table: Table | null = null;
  for (const token of tokens) {
    if (token.type === 'inline') {
      (parent as Children<PhrasingContent>).children = inlineToMdast(token.children ?? []);
    } else if (token.nesting === 1) {
      enclosing.push(parent);
      const node = openedNode(token, table);
      if (node === null) continue;
      (parent.children as Nodes[]).push(node);
      if (node.type === 'table') table = node;
      parent = node as Parent;
    } else if (token.nesting === -1) {
      if (token.type === 'table_close') table = null;
      parent = enclosing.pop() ?? root;
    } else {
      const node = leafNode(token);
      if (node !== null) (parent.children as Nodes[]).push(node);
    }
  }
  return root;
}
