import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import {
  type AutolinkPiece,
  findAutolinkLiterals,
  MAY_HAVE_AUTOLINK_LITERAL,
} from './findAutolinkLiterals';
import { AUTOLINK_LITERAL_MARKUP, markAutolinkLiteral } from './markAutolinkLiteral';
import { protocolAutolink } from './protocolAutolink';
import { type LiteralScanState, passOverText, scanAutolinkLiterals } from './scanAutolinkLiterals';

function piecesToTokens(state: StateCore, pieces: readonly AutolinkPiece[], at: Token): Token[] {
  const out: Token[] = [];
  for (const piece of pieces) {
    const text = new state.Token('text', '', 0);
    text.content = piece.text;
    if (piece.url === undefined) {
      text.level = at.level;
      out.push(text);
      continue;
    }
    const open = new state.Token('link_open', 'a', 1);
    const close = new state.Token('link_close', 'a', -1);
    markAutolinkLiteral(open, close, piece.url);
    open.level = at.level;
    text.level = at.level + 1;
    close.level = at.level;
    out.push(open, text, close);
  }
  return out;
}

const MAY_START_SCANNED_LITERAL = /@|www\./i;
const MAY_HAVE_DECODED_LITERAL = /[@&\\]|:\/\/|www\./i;

/** +1 for a token opening a link (Markdown or raw `<a>`), -1 for one closing it. */
function linkDepthChange(token: Token): number {
  if (token.type === 'link_open') return 1;
  if (token.type === 'link_close') return -1;
  if (token.type !== 'html_inline') return 0;
  if (/^<a[>\s]/i.test(token.content)) return 1;
  return /^<\/a\s*>/i.test(token.content) ? -1 : 0;
}

/**
 * The source character just before what follows a token, as far as literals care, given the
 * one before the token; undefined for the start of the text.
 */
function lastCharacter(token: Token, before: string | undefined): string | undefined {
  switch (token.type) {
    case 'text':
    case 'text_special':
      return token.content[token.content.length - 1];
    case 'softbreak':
    case 'hardbreak':
      return '\n';
    case 'em_open':
    case 'em_close':
    case 'strong_open':
    case 'strong_close':
    case 's_open':
    case 's_close':
      return token.markup[token.markup.length - 1];
    case 'code_inline':
      return '`';
    case 'html_inline':
      return '>';
    case 'image':
      return ')';
    case 'link_close':
      // A literal ends with its own last character, the one before its closing token.
      return token.markup === 'autolink'
        ? '>'
        : token.markup === AUTOLINK_LITERAL_MARKUP
          ? before
          : ')';
    default:
      return undefined;
  }
}

/**
 * Replaces, in each inline block that `keep` accepts, the tokens for which `split` returns pieces by
 * the tokens of those pieces; `links` is how many links are open around the token.
 */
function splitTexts(
  state: StateCore,
  keep: (block: Token) => boolean,
  split: (token: Token, links: number) => AutolinkPiece[] | null,
): void {
  for (const block of state.tokens) {
    const children = block.type === 'inline' ? block.children : null;
    if (!children || !keep(block)) continue;
    let links = 0;
    let out: Token[] | null = null;
    for (let index = 0; index < children.length; index++) {
      const token = children[index] as Token;
      links += linkDepthChange(token);
      const pieces = split(token, links);
      if (pieces !== null) {
        out ??= children.slice(0, index);
        out.push(...piecesToTokens(state, pieces, token));
      } else {
        out?.push(token);
      }
    }
    if (out !== null) block.children = out;
  }
}

/**
 * `www.…` and e-mail addresses, read as GitHub reads them with the text: before escaped
 * characters and character references are joined to the text around them, which end them.
 */
function scanTexts(state: StateCore): void {
  let scan: LiteralScanState = { previous: undefined, openBrackets: 0 };
  splitTexts(
    state,
    (block) => {
      // Texts here are pieces of the source: none has what the source lacks.
      if (!MAY_START_SCANNED_LITERAL.test(block.content)) return false;
      scan = { previous: undefined, openBrackets: 0 };
      return true;
    },
    (token, links) => {
      if (token.type !== 'text') scan.previous = lastCharacter(token, scan.previous);
      else if (links > 0) passOverText(token.content, scan);
      else return scanAutolinkLiterals(token.content, scan);
      return null;
    },
  );
}

/** The other literals, in the joined text left outside links once parsing is done. */
function findInTexts(state: StateCore): void {
  splitTexts(
    state,
    // Joined texts are pieces of the source, but for escaped characters and references.
    (block) => MAY_HAVE_DECODED_LITERAL.test(block.content),
    (token, links) =>
      token.type === 'text' && links === 0 && MAY_HAVE_AUTOLINK_LITERAL.test(token.content)
        ? findAutolinkLiterals(token.content)
        : null,
  );
}

/**
 * GitHub's autolink literals (`https://…`, `www.…`, e-mail addresses) in place of
 * markdown-it's linkify, which finds other things (bare domains, `ftp:`) and ends URLs
 * differently. Like GitHub's parser, it reads them in three steps: URLs with a scheme while
 * parsing, `www.…` and addresses in the text as written, then a more lenient search of the
 * text still unlinked.
 */
export function gfmAutolinkLiterals(md: MarkdownIt): void {
  md.inline.ruler.before('linkify', 'gfm_autolink_protocol', protocolAutolink);
  md.core.ruler.before('text_join', 'gfm_autolink_scan', scanTexts);
  md.core.ruler.push('gfm_autolink_find', findInTexts);
}
