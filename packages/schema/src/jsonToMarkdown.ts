import type { JSONContent } from '@tiptap/core';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { type Join, toMarkdown } from 'mdast-util-to-markdown';
import { readLimits } from './limits/documentLimits';
import { fitDocumentLimits } from './limits/fitDocumentLimits';
import { houseStyleHandlers } from './markdown/houseStyleHandlers';
import { type CalloutMarkerStyle, jsonToMdast } from './markdown/jsonToMdast';
import type { FrontMatter } from './readFrontMatter';

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

/**
 * Tables need blank lines around them even in tight lists: the line before a table would
 * otherwise absorb it (as a paragraph continuation), and a line after it would become a row.
 */
const separateTables: Join = (left, right) =>
  left.type === 'table' || right.type === 'table' ? 1 : undefined;

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
  // Within the limits, the tree's depth (and so the writer's recursion) is bounded.
  const tree = jsonToMdast(fitDocumentLimits(json, readLimits).json, {
    calloutMarker: options.calloutMarker ?? 'own-line',
    imageSrc: options.imageSrc ?? ((src) => src),
  });
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
    join: [separateTables],
    extensions: [gfmToMarkdown({ tablePipeAlign: true, tableCellPadding: true })],
  });
  return options.frontMatter ? frontMatterBlock(options.frontMatter) + body : body;
}
