import type { PageState } from '@lore/core';
import { type JSONContent, jsonToHTML, jsonToMarkdown, jsonToPlainText } from '@lore/schema';

/** A stored page state rendered as the page itself would be: sanitized HTML, Markdown, text. */
export function renderPageState(state: PageState): {
  html: string;
  markdown: string;
  text: string;
} {
  const body = state.body as JSONContent;
  return { html: jsonToHTML(body), markdown: jsonToMarkdown(body), text: jsonToPlainText(body) };
}
