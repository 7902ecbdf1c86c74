import type { HighlightRange } from './HighlightRange';
import { searchTokenSpans } from './searchTokens';
import type { TermMatcher } from './TermMatcher';

/** Where the words of `text` that `isMatch` accepts sit, in order. */
export function highlightRanges(text: string, isMatch: TermMatcher): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const span of searchTokenSpans(text)) {
    if (isMatch(span.token)) ranges.push({ start: span.start, end: span.end });
  }
  return ranges;
}
