import type { Token } from 'markdown-it';

/** What marks a link token pair as an autolink literal (markdown-it's own linkify uses it too). */
export const AUTOLINK_LITERAL_MARKUP = 'linkify';

/** Makes `open` … `close` the link tokens of an autolink literal to `url`. */
export function markAutolinkLiteral(open: Token, close: Token, url: string): void {
  open.attrs = [['href', url]];
  open.markup = AUTOLINK_LITERAL_MARKUP;
  close.markup = AUTOLINK_LITERAL_MARKUP;
}
