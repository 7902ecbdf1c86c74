import type MarkdownIt from 'markdown-it';
import type { Delimiter, StateInline } from 'markdown-it';

const TILDE = 0x7e;
/**
 * Delimiter markers only pair with the same marker, and GFM pairs `~` with `~` and `~~` with
 * `~~` only: a one-tilde run gets a marker of its own that no character can have.
 */
const SINGLE_TILDE = -TILDE;

function tokenize(state: StateInline, silent: boolean): boolean {
  if (silent || state.src.charCodeAt(state.pos) !== TILDE) return false;
  const scanned = state.scanDelims(state.pos, true);
  const token = state.push('text', '', 0);
  token.content = state.src.slice(state.pos, state.pos + scanned.length);
  // Longer runs are plain text.
  if (scanned.length <= 2) {
    state.delimiters.push({
      marker: scanned.length === 1 ? SINGLE_TILDE : TILDE,
      // Zero turns off emphasis' "rule of 3" in the pairing.
      length: 0,
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

function pairUp(state: StateInline, delimiters: readonly Delimiter[]): void {
  for (const start of delimiters) {
    if ((start.marker !== TILDE && start.marker !== SINGLE_TILDE) || start.end === -1) continue;
    const end = delimiters[start.end];
    const open = state.tokens[start.token];
    const close = end ? state.tokens[end.token] : undefined;
    if (!open || !close) continue;
    for (const [token, nesting] of [
      [open, 1],
      [close, -1],
    ] as const) {
      token.type = nesting === 1 ? 's_open' : 's_close';
      token.tag = 's';
      token.nesting = nesting;
      token.markup = token.content;
      token.content = '';
    }
  }
}

function postProcess(state: StateInline): boolean {
  pairUp(state, state.delimiters);
  for (const meta of state.tokens_meta) {
    if (meta?.delimiters) pairUp(state, meta.delimiters);
  }
  return false;
}

/**
 * GitHub's strikethrough: `~one~` as well as `~~two~~`, the closing run as long as the opening
 * one; runs of three or more tildes are text. Replaces markdown-it's two-tilde-only rule.
 */
export function gfmStrikethrough(md: MarkdownIt): void {
  md.inline.ruler.at('strikethrough', tokenize);
  md.inline.ruler2.at('strikethrough', postProcess);
}
