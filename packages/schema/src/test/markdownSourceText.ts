import type { Nodes, Root } from 'mdast';
import { parseHTMLBody } from '#parseHTMLBody';
import { ALERT_MARKER } from '../markdown/calloutMarkers';

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE']);

const BLOCK_TAG = new RegExp(`</?(?:${[...BLOCK_TAGS].join('|')})\\b[^>]*>`, 'gi');

/** The text a browser shows for an HTML snippet, with block elements on their own lines. */
export function visibleHTMLText(fragment: string): string {
  // Table and list parts outside their container vanish when parsed alone; their text must
  // still not run together.
  const html = fragment.replace(BLOCK_TAG, '\n$&\n');
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName;
    if (INVISIBLE_TAGS.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) out += '\n';
    node.childNodes.forEach(walk);
    if (block) out += '\n';
  };
  walk(parseHTMLBody(html));
  return out;
}

/**
 * The readable text of a parsed Markdown file as written: text, code, image descriptions and the
 * visible text of raw HTML, each block on its own line. Front matter and link targets are not
 * text. Used to prove that conversions lose no words.
 */
export function markdownSourceText(tree: Root): string {
  let out = '';
  const walk = (node: Nodes, inPhrasing = false): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        return;
      case 'code':
        out += `\n${node.value}\n`;
        return;
      case 'html':
        out += inPhrasing ? visibleHTMLText(node.value) : `\n${visibleHTMLText(node.value)}\n`;
        return;
      case 'image':
      case 'imageReference':
        out += node.alt ?? '';
        return;
      case 'break':
        out += '\n';
        return;
      case 'footnoteReference':
        out += `[^${node.label ?? node.identifier}]`;
        return;
      case 'blockquote': {
        // `[!NOTE]` is markup (it becomes the callout kind), not text.
        const lead =
          node.children[0]?.type === 'paragraph' ? node.children[0].children[0] : undefined;
        if (lead?.type === 'text' && ALERT_MARKER.test(lead.value)) {
          const value = lead.value;
          lead.value = value.replace(ALERT_MARKER, '');
          for (const child of node.children) walk(child);
          lead.value = value;
        } else {
          for (const child of node.children) walk(child);
        }
        out += '\n';
        return;
      }
      case 'yaml':
      case 'definition':
        return;
      default:
        if ('children' in node) {
          const phrasing = inPhrasing || TEXTBLOCKS.has(node.type);
          for (const child of node.children) walk(child as Nodes, phrasing);
          if (!PHRASING.has(node.type)) out += '\n';
        }
    }
  };
  walk(tree);
  return out;
}
