import type { JSONContent } from '@tiptap/core';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { FrontMatter } from './readFrontMatter';
import { type CalloutMarkerStyle, jsonToMdast } from './markdown/jsonToMdast';
import { houseStyleHandlers } from './markdown/houseStyleHandlers';

/** Options of {@link jsonToMarkdown}. */
export interface JSONToMarkdownOptions {
  /** Written back at the top between `---` (or `+++` for TOML) fences. */
  frontMatter?: FrontMatter | null;
  /**
   * `own-line` (default) writes GitHub alerts as `> [!NOTE]` followed by the text on the next
   * line; `same-line` writes `> [!NOTE] text`, a style some handbooks use.
   */
  calloutMarker?: CalloutMarkerStyle;
  /** Maps image sources on the way out (e.g. attachment URLs back to exported files). */
  imageSrc?: (src: string) => string;
}

function mapImages(node: JSONContent, imageSrc: (src: string) => string): JSONContent {
  if (node.type === 'image' && typeof node.attrs?.src === 'string') {
    return { ...node, attrs: { ...node.attrs, src: imageSrc(node.attrs.src) } };
  }
  if (node.content === undefined) return node;
  return { ...node, content: node.content.map((child) => mapImages(child, imageSrc)) };
}

function frontMatterBlock(frontMatter: FrontMatter): string {
  const fence = frontMatter.format === 'toml' ? '+++' : '---';
  const body = frontMatter.raw === '' ? '' : `${frontMatter.raw}\n`;
  return `${fence}\n${body}${fence}\n\n`;
}

/**
 * Writes a page document as GitHub-flavoured Markdown in a common house style: `#` headings,
 * `-` bullets, `1.` numbering, `_emphasis_`, `**strong**`, fenced code, `---` rules, aligned
 * tables, bare URLs for autolinks, GitHub alerts for callouts, and `<u>`/`<mark>` for
 * underline and highlight (which Markdown lacks). {@link markdownToJSON} reads it back to the
 * same document.
 */
export function jsonToMarkdown(json: JSONContent, options: JSONToMarkdownOptions = {}): string {
  const doc = options.imageSrc ? mapImages(json, options.imageSrc) : json;
  const tree = jsonToMdast(doc, options.calloutMarker ?? 'own-line');
  const body = toMarkdown(tree, {
    bullet: '-',
    bulletOrdered: '.',
    emphasis: '_',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    ruleRepetition: 3,
    listItemIndent: 'one',
    incrementListMarker: true,
    setext: false,
    closeAtx: false,
    resourceLink: false,
    handlers: houseStyleHandlers(),
    extensions: [gfmToMarkdown({ tablePipeAlign: true, tableCellPadding: true })],
  });
  return options.frontMatter ? frontMatterBlock(options.frontMatter) + body : body;
}
