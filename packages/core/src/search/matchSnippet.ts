import type { HighlightedText } from './HighlightRange';
import { highlightRanges } from './highlightRanges';
import { isAsciiText, searchTokenSpans, type TokenSpan } from './searchTokens';
import type { TermMatcher } from './TermMatcher';

/** Characters of page text shown in a result. */
export const snippetLength = 180;
// Only this much of a long page is scanned for the best window, keeping snippets cheap.
const scanLimit = 20_000;

/**
 * A short excerpt of `text`: the window of about `length` characters holding the most distinct
 * matching words (the start of the page when nothing matches), cut at word boundaries, with
 * `… ` and ` …` where text was left out, and the ranges of the matching words in it.
 */
export function matchSnippet(
  text: string,
  isMatch: TermMatcher,
  length = snippetLength,
): HighlightedText {
  const source = text.length > scanLimit ? text.slice(0, scanLimit) : text;
  let matches = findMatches(source, isMatch);
  if (matches.length === 0 && !isAsciiText(source)) {
    // Accented spellings are only found word by word.
    matches = searchTokenSpans(source).filter((span) => isMatch(span.token));
  }
  let bestStart = 0;
  if (matches.length > 0) {
    let bestScore = -1;
    let right = 0;
    const counts = new Map<string, number>();
    for (let left = 0; left < matches.length; left += 1) {
      const first = matches[left];
      if (!first) break;
      while (right < matches.length && (matches[right]?.end ?? 0) - first.start <= length) {
        const token = matches[right]?.token ?? '';
        counts.set(token, (counts.get(token) ?? 0) + 1);
        right += 1;
      }
      const score = counts.size * 1000 + (right - left);
      if (score > bestScore) {
        bestScore = score;
        bestStart = first.start;
      }
      const token = first.token;
      const remaining = (counts.get(token) ?? 1) - 1;
      if (remaining === 0) counts.delete(token);
      else counts.set(token, remaining);
    }
    // Some context before the first match reads better than starting on it.
    bestStart = Math.max(0, bestStart - Math.floor(length / 3));
  }
  let start = bestStart;
  if (start > 0) {
    const space = source.lastIndexOf(' ', start);
    start = space >= 0 && start - space < 20 ? space + 1 : start;
  }
  let end = Math.min(source.length, start + length);
  if (end < source.length) {
    const space = source.lastIndexOf(' ', end);
    if (space > start + length / 2) end = space;
  }
  const excerpt = source.slice(start, end).replace(/\s+/g, ' ').trim();
  const lead = start > 0 ? '… ' : '';
  return {
    text: `${lead}${excerpt}${end < text.length ? ' …' : ''}`,
    highlights: highlightRanges(excerpt, isMatch).map((range) => ({
      start: range.start + lead.length,
      end: range.end + lead.length,
    })),
  };
}

const wordChar = /[\p{L}\p{N}\p{M}\p{Co}]/u;
const isWordChar = (char: string | undefined) =>
  char !== undefined &&
  ((char >= 'a' && char <= 'z') ||
    (char >= '0' && char <= '9') ||
    (char > '\x7f' && wordChar.test(char)));

/**
 * Where the matcher's words occur in `text`, found by plain substring search on the lowercased
 * text with word boundaries checked: much cheaper than splitting a long page into words.
 */
function findMatches(text: string, isMatch: TermMatcher): TokenSpan[] {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return [];
  const spans: TokenSpan[] = [];
  const scan = (needle: string, wholeWord: boolean) => {
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      if (isWordChar(lower[at - 1])) continue;
      let end = at + needle.length;
      if (wholeWord) {
        if (isWordChar(lower[end])) continue;
      } else {
        while (isWordChar(lower[end])) end += 1;
      }
      spans.push({ token: lower.slice(at, end), start: at, end });
    }
  };
  for (const word of isMatch.words) scan(word, true);
  for (const prefix of isMatch.prefixes) scan(prefix, false);
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans.filter((span, index) => index === 0 || spans[index - 1]?.start !== span.start);
}
