import {
  emailAutolinkEnd,
  mayStartEmailAutolink,
  mayStartWwwAutolink,
  wwwAutolinkEnd,
} from './autolinkLiteralBounds';
import type { AutolinkPiece } from './findAutolinkLiterals';

/** What {@link scanAutolinkLiterals} needs to know of the text before, and keeps up to date. */
export interface LiteralScanState {
  /** The character just before the text; undefined when it is markup or the start. */
  previous: string | undefined;
  /** `[` in the text so far that no `]` has closed: literals are not read after one. */
  openBrackets: number;
}

const WWW = /www\./i;

/** Keeps the state up to date over text in which no literal is looked for. */
export function passOverText(text: string, state: LiteralScanState): void {
  if (text.includes('[') || text.includes(']')) {
    for (const char of text) {
      if (char === '[') state.openBrackets++;
      else if (char === ']' && state.openBrackets > 0) state.openBrackets--;
    }
  }
  state.previous = text[text.length - 1] ?? state.previous;
}

/**
 * `www.…` and e-mail addresses where they may start, ending as GitHub ends them while reading
 * the text: before trailing punctuation or `<`. Returns the text as runs and links, or null
 * when there are none. Escaped characters and character references must be separate texts:
 * they end a literal as they do in the source.
 */
export function scanAutolinkLiterals(
  text: string,
  state: LiteralScanState,
): AutolinkPiece[] | null {
  const emails = text.includes('@');
  const www = WWW.test(text);
  if (!emails && !www) {
    passOverText(text, state);
    return null;
  }
  const pieces: AutolinkPiece[] = [];
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    const previous = at === 0 ? state.previous : text[at - 1];
    if (char === '[') state.openBrackets++;
    else if (char === ']' && state.openBrackets > 0) state.openBrackets--;
    if (state.openBrackets > 0) continue;
    let end = emails && mayStartEmailAutolink(previous) ? emailAutolinkEnd(text, at) : -1;
    let scheme = 'mailto:';
    if (end === -1 && www && (char === 'w' || char === 'W') && mayStartWwwAutolink(previous)) {
      end = wwwAutolinkEnd(text, at);
      scheme = 'http://';
    }
    if (end === -1) continue;
    if (at > start) pieces.push({ text: text.slice(start, at) });
    const shown = text.slice(at, end);
    pieces.push({ text: shown, url: scheme + shown });
    start = end;
    at = end - 1;
  }
  state.previous = text[text.length - 1] ?? state.previous;
  if (pieces.length === 0) return null;
  if (start < text.length) pieces.push({ text: text.slice(start) });
  return pieces;
}
