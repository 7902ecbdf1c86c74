import createDOMPurify, { type DOMPurify } from 'dompurify';

let purifier: DOMPurify | undefined;

/**
 * A comment's HTML as the server rendered it, cleaned again before it reaches the DOM: only the
 * few elements comment Markdown makes (bold, italic, code, links, mentions, line breaks).
 */
export function sanitizeCommentHtml(html: string): string {
  purifier ??= createDOMPurify(window);
  return purifier.sanitize(html, {
    ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'code', 'a', 'span'],
    ALLOWED_ATTR: ['href', 'title', 'rel', 'target', 'class', 'data-user-id'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}
