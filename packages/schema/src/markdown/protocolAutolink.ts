import type { StateInline } from 'markdown-it';
import { protocolAutolinkEnd, protocolSchemeLength } from './autolinkLiteralBounds';
import { markAutolinkLiteral } from './markAutolinkLiteral';

/** markdown-it counts the links (Markdown and raw `<a>`) being parsed; not in its types. */
type StateInlineWithLinks = StateInline & { linkLevel?: number };

/**
 * markdown-it inline rule for GitHub's `http://…` and `https://…` autolink literals, read while
 * parsing, at their `://`, so that what follows is not read as emphasis or code: the URL is
 * taken as written. Not inside links, Markdown or raw `<a>`.
 */
export function protocolAutolink(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x3a || src.charCodeAt(pos + 1) !== 0x2f) return false;
  if (src.charCodeAt(pos + 2) !== 0x2f || ((state as StateInlineWithLinks).linkLevel ?? 0) > 0) {
    return false;
  }
  // Text before the colon is still pending; when skipping ahead (silent) there is none.
  const scheme = protocolSchemeLength(src, pos, state.pending.length);
  if (scheme === 0) return false;
  const end = protocolAutolinkEnd(src, pos, state.posMax);
  if (end === -1) return false;
  if (!silent) {
    const url = src.slice(pos - scheme, end);
    state.pending = state.pending.slice(0, -scheme);
    const open = state.push('link_open', 'a', 1);
    state.push('text', '', 0).content = url;
    markAutolinkLiteral(open, state.push('link_close', 'a', -1), url);
  }
  state.pos = end;
  return true;
}
