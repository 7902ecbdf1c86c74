import type { JSONContent } from '@tiptap/core';
import { jsonToMarkdown } from '../jsonToMarkdown';
import { markdownToJSON } from '../markdownToJSON';
import { mdastToJSON } from '../markdown/mdastToJSON';
import { parseMarkdownTree } from '../markdown/parseMarkdownTree';
import { readFrontMatter } from '../readFrontMatter';
import { sanitizeJSON } from '../sanitizeJSON';
import { classifyRoundTripDiff } from './classifyRoundTripDiff';
import { documentText } from './documentText';
import { markdownSourceText } from './markdownSourceText';
import { missingWords, wordCounts } from './wordCounts';

/** What happened to one Markdown file on the way Markdown → JSON → Markdown. */
export interface PageRoundTrip {
  file: string;
  exact: boolean;
  /** The document read back from the written Markdown equals the first one. */
  stable: boolean;
  reasons: string[];
  /** Words of the source text missing from the round-tripped document, with counts. */
  missing: Map<string, number>;
  error?: string;
}

/** Files are compared ignoring trailing whitespace on lines and at the end. */
export function normalizeMarkdownForComparison(markdown: string): string {
  return `${markdown.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n+$/, '')}\n`;
}

const ATTACHMENT_PREFIX = '/api/attachments/import?path=';

/** Stands in for an importer that uploads local images and exports them back to their paths. */
export const importImage = (src: string): string => ATTACHMENT_PREFIX + encodeURIComponent(src);
export const exportImage = (src: string): string =>
  src.startsWith(ATTACHMENT_PREFIX) ? decodeURIComponent(src.slice(ATTACHMENT_PREFIX.length)) : src;

function stripIds(node: JSONContent): JSONContent {
  const copy: JSONContent = { ...node };
  if (copy.type === 'heading' && copy.attrs) copy.attrs = { ...copy.attrs, id: null };
  if (copy.content) copy.content = copy.content.map(stripIds);
  return copy;
}

/**
 * Runs one Markdown file through Markdown → JSON → Markdown → JSON and reports exactness,
 * the reasons for differences, and any word of the source text that did not survive.
 */
export function roundTripPage(
  file: string,
  source: string,
  calloutMarker: 'own-line' | 'same-line',
): PageRoundTrip {
  try {
    const tree = parseMarkdownTree(source);
    // Same steps as markdownToJSON, sharing the parsed tree with the text extraction below.
    const doc = sanitizeJSON(mdastToJSON(tree, importImage));
    const written = jsonToMarkdown(doc, {
      frontMatter: readFrontMatter(source),
      calloutMarker,
      imageSrc: exportImage,
    });
    const expected = normalizeMarkdownForComparison(source);
    const actual = normalizeMarkdownForComparison(written);
    if (expected === actual) {
      return { file, exact: true, stable: true, reasons: [], missing: new Map() };
    }
    const reread = markdownToJSON(written, { resolveImageSrc: importImage });
    const missing = missingWords(
      wordCounts(markdownSourceText(tree)),
      wordCounts(documentText(reread)),
    );
    const stable = JSON.stringify(stripIds(reread)) === JSON.stringify(stripIds(doc));
    return { file, exact: false, stable, reasons: classifyRoundTripDiff(expected, actual), missing };
  } catch (error) {
    return {
      file,
      exact: false,
      stable: false,
      reasons: ['threw'],
      missing: new Map(),
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}
