import type { JsonObject } from '../revisions/Revision';

/** Front matter as written at the top of a Markdown file. */
export interface RawFrontMatter {
  readonly format: 'yaml' | 'toml';
  readonly raw: string;
}

/**
 * Conversions between Markdown, HTML and page bodies, done with the page schema by an adapter,
 * so the transfer domain stays free of any Markdown library.
 */
export interface MarkdownCodec {
  /**
   * Markdown (front matter skipped) to a page body. Image sources that are not attachment or
   * http(s) URLs are passed to `resolveImageSrc`; null keeps the image as a link or its alt text.
   * Throws a `ValidationError` when the result does not fit the schema.
   */
  parse(markdown: string, resolveImageSrc: (src: string) => string | null): JsonObject;
  readFrontMatter(markdown: string): RawFrontMatter | null;
  toMarkdown(body: JsonObject): string;
  /** Sanitized HTML of the body (not a whole document). */
  toHtml(body: JsonObject): string;
}
