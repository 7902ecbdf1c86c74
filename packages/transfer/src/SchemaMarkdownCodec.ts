import {
  type JsonObject,
  type MarkdownCodec,
  type RawFrontMatter,
  ValidationError,
} from '@lore/core';
import {
  InvalidDocumentError,
  type JSONContent,
  jsonToHTML,
  jsonToMarkdown,
  markdownToJSON,
  readFrontMatter,
} from '@lore/schema';

/** Markdown and HTML conversions of the transfer domain, done with the one page schema. */
export class SchemaMarkdownCodec implements MarkdownCodec {
  parse(markdown: string, resolveImageSrc: (src: string) => string | null): JsonObject {
    try {
      return markdownToJSON(markdown, { resolveImageSrc }) as JsonObject;
    } catch (error) {
      if (error instanceof InvalidDocumentError) throw new ValidationError(error.message);
      throw error;
    }
  }

  readFrontMatter(markdown: string): RawFrontMatter | null {
    return readFrontMatter(markdown);
  }

  toMarkdown(body: JsonObject): string {
    return jsonToMarkdown(body as JSONContent);
  }

  toHtml(body: JsonObject): string {
    return jsonToHTML(body as JSONContent);
  }
}
