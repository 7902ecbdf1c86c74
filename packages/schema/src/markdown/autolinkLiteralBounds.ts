const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
/** Characters that end a URL when only such characters follow up to its end. */
const TRAILING = new Set([...`!"')*,.:;?_~`]);
/** Characters of a path that may be trailing punctuation rather than part of it. */
const PATH_PUNCTUATION = new Set([...`!"&')*,.:;<?]_~`]);

const CHARACTER_REFERENCE = /&[A-Za-z]+;/y;

const isWhitespace = (char: string | undefined): boolean =>
  char === undefined || WHITESPACE.test(char);
const isAsciiAlpha = (char: string | undefined): boolean =>
  char !== undefined && /^[A-Za-z]$/.test(char);
const isAsciiAlphanumeric = (char: string | undefined): boolean =>
  char !== undefined && /^[\dA-Za-z]$/.test(char);
/** Characters of the local part of an e-mail address. */
const isEmailText = (char: string | undefined): boolean =>
  char !== undefined && /^[\w+.-]$/.test(char);

/**
 * Whether the characters from `index` on are trailing punctuation, which the link leaves out —
 * punctuation, named character references (`&amp;`) and `]` runs up to whitespace, `<` or the
 * end: -1 when they are, else where that run is broken. A scan from any later position up to
 * that one ends the same way, so callers need not scan the run again.
 */
function trailBreak(text: string, index: number, end: number): number {
  let at = index;
  while (at < end) {
    const char = text[at] as string;
    if (TRAILING.has(char)) {
      at++;
    } else if (char === '&') {
      CHARACTER_REFERENCE.lastIndex = at;
      if (!CHARACTER_REFERENCE.test(text) || CHARACTER_REFERENCE.lastIndex > end) return at;
      at = CHARACTER_REFERENCE.lastIndex;
    } else if (char === ']') {
      at++;
      const next = text[at];
      if (at >= end || next === '(' || next === '[' || isWhitespace(next)) return -1;
    } else {
      return char === '<' || isWhitespace(char) ? -1 : at;
    }
  }
  return -1;
}

/**
 * Where the domain starting at `start` ends, or -1 when there is none: a run of characters
 * other than whitespace and punctuation (but `-`), split by `.` or `_`, with no `_` in its last
 * two segments.
 */
function domainEnd(text: string, start: number, end: number): number {
  let seen = false;
  let underscoreInLast = false;
  let underscoreInSecondLast = false;
  let notTrailUntil = -1;
  let at = start;
  for (; at < end; at++) {
    const char = text[at] as string;
    if (char === '.' || char === '_') {
      if (at > notTrailUntil) {
        notTrailUntil = trailBreak(text, at, end);
        if (notTrailUntil === -1) break;
      }
      if (char === '_') {
        underscoreInLast = true;
      } else {
        underscoreInSecondLast = underscoreInLast;
        underscoreInLast = false;
      }
    } else if (isWhitespace(char) || (char !== '-' && PUNCTUATION.test(char))) {
      break;
    } else {
      seen = true;
    }
  }
  return seen && !underscoreInLast && !underscoreInSecondLast ? at : -1;
}

/** Where the path starting at `start` ends: at whitespace, or before trailing punctuation. */
function pathEnd(text: string, start: number, end: number): number {
  let opened = 0;
  let closed = 0;
  let notTrailUntil = -1;
  let at = start;
  for (; at < end; at++) {
    const char = text[at] as string;
    if (char === '(') {
      opened++;
    } else if (char === ')' && closed < opened) {
      closed++;
    } else if (PATH_PUNCTUATION.has(char)) {
      if (at > notTrailUntil) {
        notTrailUntil = trailBreak(text, at, end);
        if (notTrailUntil === -1) break;
      }
      if (char === ')') closed++;
    } else if (isWhitespace(char)) {
      break;
    }
  }
  return at;
}

/**
 * The end of a GitHub autolink literal `http://…` or `https://…` whose `://` is at `colon`, or
 * -1 when there is none there. `end` bounds the text (a paragraph's content).
 */
export function protocolAutolinkEnd(text: string, colon: number, end: number): number {
  const start = colon + 3;
  const first = text[start];
  if (
    start >= end ||
    first === undefined ||
    first.charCodeAt(0) < 0x20 ||
    first.charCodeAt(0) === 0x7f ||
    isWhitespace(first) ||
    PUNCTUATION.test(first)
  ) {
    return -1;
  }
  const domain = domainEnd(text, start, end);
  return domain === -1 ? -1 : pathEnd(text, domain, end);
}

/**
 * The length of the `http` or `https` scheme ending at `colon`, when no letter precedes it, or
 * 0. `available` is how many characters before `colon` are plain text.
 */
export function protocolSchemeLength(text: string, colon: number, available: number): number {
  for (const length of [5, 4]) {
    if (length > available) continue;
    const scheme = text.slice(colon - length, colon).toLowerCase();
    if ((scheme === 'https' || scheme === 'http') && !isAsciiAlpha(text[colon - length - 1])) {
      return length;
    }
  }
  return 0;
}

/**
 * Whether an autolink literal `www.…` may start after `previous` (undefined: at the start of
 * the text): whitespace or one of `(*_[]~`.
 */
export function mayStartWwwAutolink(previous: string | undefined): boolean {
  return previous === undefined || /^[ \t\r\n(*_[\]~]$/.test(previous);
}

/** The end of a GitHub autolink literal `www.…` starting at `start`, or -1. */
export function wwwAutolinkEnd(text: string, start: number): number {
  if (!/^www\./i.test(text.slice(start, start + 4)) || start + 4 >= text.length) return -1;
  const domain = domainEnd(text, start, text.length);
  return domain === -1 ? -1 : pathEnd(text, domain, text.length);
}

/** Whether an e-mail autolink literal may start after `previous` (undefined: at the start). */
export function mayStartEmailAutolink(previous: string | undefined): boolean {
  return previous !== '/' && !isEmailText(previous);
}

/**
 * The end of a GitHub e-mail autolink literal starting at `start`, or -1: a local part, `@`,
 * and a domain of letters, digits, `-` and `_` with at least one dot, ending in a letter.
 */
export function emailAutolinkEnd(text: string, start: number): number {
  let at = start;
  while (isEmailText(text[at])) at++;
  if (at === start || text[at] !== '@') return -1;
  at++;
  let dot = false;
  let data = false;
  for (; at < text.length; at++) {
    const char = text[at];
    if (char === '.') {
      // A dot not followed by a letter or digit ends the address before it.
      if (!isAsciiAlphanumeric(text[at + 1])) break;
      dot = true;
    } else if (char === '-' || char === '_' || isAsciiAlphanumeric(char)) {
      data = true;
    } else {
      break;
    }
  }
  return data && dot && isAsciiAlpha(text[at - 1]) ? at : -1;
}
