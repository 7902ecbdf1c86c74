import { type Node as PMNode, DOMParser as ProseMirrorDOMParser } from '@tiptap/pm/model';
import { parseHTMLBody } from '#parseHTMLBody';
import { getSchema } from '../getSchema';
import type { ImageSrcResolver } from '../ImageSrcResolver';
import { prepareHTMLForSchema } from './prepareHTMLForSchema';

let parser: ProseMirrorDOMParser | undefined;

/**
 * Parses HTML into a document node with the schema's own parse rules (those the editor uses
 * for paste). Unknown elements are dropped with their text kept; scripts, styles and comments
 * are dropped entirely. Heading ids are not assigned here.
 */
export function parseHTMLToDoc(html: string, resolveImageSrc?: ImageSrcResolver): PMNode {
  const body = parseHTMLBody(html);
  prepareHTMLForSchema(body, resolveImageSrc);
  parser ??= ProseMirrorDOMParser.fromSchema(getSchema());
  return parser.parse(body);
}
