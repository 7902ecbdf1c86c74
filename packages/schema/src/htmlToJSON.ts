import type { JSONContent } from '@tiptap/core';
import { setHeadingIds } from './ensureHeadingIds';
import { parseHTMLToDoc } from './html/parseHTMLToDoc';
import type { ImageSrcResolver } from './ImageSrcResolver';
import { checkDocumentLimits } from './limits/checkDocumentLimits';

/** Options of {@link htmlToJSON}. */
export interface HTMLToJSONOptions {
  /** Maps image sources that are not attachment or http(s) URLs; see {@link ImageSrcResolver}. */
  resolveImageSrc?: ImageSrcResolver;
}

/**
 * Converts pasted or imported HTML to a page document with the schema's parse rules.
 * Markup the schema does not know is dropped and its text kept; scripts, styles, comments,
 * event handlers and disallowed URLs never get in. Embedded videos and frames become links,
 * GitHub task lists and alerts become task lists and callouts, and headings get unique ids
 * (keeping valid ids found in the HTML).
 *
 * @throws {DocumentLimitError} when the result would pass the structure limits.
 */
export function htmlToJSON(html: string, options: HTMLToJSONOptions = {}): JSONContent {
  const doc = parseHTMLToDoc(html, options.resolveImageSrc);
  const json = setHeadingIds(doc.toJSON() as JSONContent);
  checkDocumentLimits(json);
  return json;
}
