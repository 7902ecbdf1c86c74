import { type Node as PMNode, DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import { parseHTMLBody } from '#parseHTMLBody';
import { getSchema } from '../getSchema';
import type { ImageSrcResolver } from '../ImageSrcResolver';
import { checkTreeDepth } from '../limits/checkTreeDepth';
import { documentLimits } from '../limits/documentLimits';
import { prepareHTMLForSchema } from './prepareHTMLForSchema';

let parser: ProseMirrorDOMParser | undefined;

/**
 * HTML wraps content in more elements than the document keeps (divs, spans, sections), so the
 * markup may nest deeper than the document; the document made from it is held to the limits.
 */
const htmlDepthLimit = documentLimits.maxDepth * 4;

/**
 * Parses HTML into a document node with the schema's own parse rules (those the editor uses
 * for paste). Unknown elements are dropped with their text kept; scripts, styles and comments
 * are dropped entirely. Heading ids are not assigned here.
 *
 * @throws {DocumentLimitError} when the elements nest deeper than {@link htmlDepthLimit}
 * (checked before the schema's recursive parser walks them).
 */
export function parseHTMLToDoc(html: string, resolveImageSrc?: ImageSrcResolver): PMNode {
  const body = parseHTMLBody(html);
  checkTreeDepth<Element>(body, (element) => element.children, htmlDepthLimit);
  prepareHTMLForSchema(body, resolveImageSrc);
  parser ??= ProseMirrorDOMParser.fromSchema(getSchema());
  return parser.parse(body);
}
