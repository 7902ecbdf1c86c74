import type { JSONContent } from '@tiptap/core';
import { jsonToMarkdown } from '../jsonToMarkdown';
import { mdastToJSON } from '../markdown/mdastToJSON';
import { parseMarkdownTree } from '../markdown/parseMarkdownTree';
import { markdownToJSON } from '../markdownToJSON';
import { readFrontMatter } from '../readFrontMatter';
import { sanitizeJSON } from '../sanitizeJSON';
import { classifyRoundTripDiff } from './classifyRoundTripDiff';
import { documentText } from './documentText';
import { markdownSourceText } from './markdownSourceText';
import type { PageOutcome } from './roundTripReport';
import { missingWords, wordCounts } from './wordCounts';

/** Files are compared ignoring trailing whitespace on lines and at the end. */
export function normalizeMarkdownForComparison(markdown: string): string {
  const lines = markdown.split(/\r\n?|\n/).map((line) => line.trimEnd());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
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
 * Runs one Markdown file through Markdown → JSON → Markdown and reports whether it came back
 * identical. When not, the written Markdown is read again to name the differences, to check
 * that every word of the source text survived, and that the document itself did not change
 * (the stable property: JSON → Markdown → JSON is the identity).
 */
export function roundTripPage(
  file: string,
  source: string,
  calloutMarker: 'own-line' | 'same-line',
): PageOutcome {
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
      return { file, exact: true, stable: true, reasons: [], missing: [] };
    }
    const reread = markdownToJSON(written, { resolveImageSrc: importImage });
    const missing = missingWords(
      wordCounts(markdownSourceText(tree)),
      wordCounts(documentText(reread)),
    );
    const stable = JSON.stringify(stripIds(reread)) === JSON.stringify(stripIds(doc));
    return {
      file,
      exact: false,
      stable,
      reasons: classifyRoundTripDiff(expected, actual),
      missing: [...missing],
    };
  } catch (error) {
    return {
      file,
      exact: false,
      stable: false,
      reasons: ['threw'],
      missing: [],
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}
