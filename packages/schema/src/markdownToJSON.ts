import type { JSONContent } from '@tiptap/core';
import type { Nodes } from 'mdast';
import type { ImageSrcResolver } from './ImageSrcResolver';
import { checkDocumentLimits } from './limits/checkDocumentLimits';
import { checkTreeDepth } from './limits/checkTreeDepth';
import { documentLimits } from './limits/documentLimits';
import { mdastToJSON } from './markdown/mdastToJSON';
import { parseMarkdownTree } from './markdown/parseMarkdownTree';
import { sanitizeJSON } from './sanitizeJSON';

/** Options of {@link markdownToJSON}. */
export interface MarkdownToJSONOptions {
  /**
   * Maps image sources that are not attachment or http(s) URLs (typically relative paths of
   * imported files) to attachment URLs; see {@link ImageSrcResolver}.
   */
  resolveImageSrc?: ImageSrcResolver;
}

const mdastChildren = (node: Nodes) => ('children' in node ? node.children : undefined);

/**
 * Converts GitHub-flavoured Markdown to a page document.
 *
 * Tables, task lists, strikethrough, autolinks, fenced code (the info string becomes
 * `language`) and GitHub alerts (`> [!NOTE]`, `> [!WARNING] text`…, as callouts) map to
 * their nodes; reference links are resolved; raw HTML is read with the schema's HTML rules, so
 * its text is kept and unknown tags dropped; soft line breaks become spaces. Front matter is
 * skipped — read it with {@link readFrontMatter}. Headings get unique ids from their text.
 *
 * @throws {DocumentLimitError} when the Markdown would make a document past the structure
 * limits (nesting, size, tables); nothing is converted then.
 */
export function markdownToJSON(markdown: string, options: MarkdownToJSONOptions = {}): JSONContent {
  const tree = parseMarkdownTree(markdown);
  checkTreeDepth<Nodes>(tree, mdastChildren, documentLimits.maxDepth);
  const json = sanitizeJSON(mdastToJSON(tree, options.resolveImageSrc));
  checkDocumentLimits(json);
  return json;
}
