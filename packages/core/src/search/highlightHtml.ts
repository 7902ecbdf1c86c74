import { escapeHtml } from './escapeHtml';
import { searchTokenSpans } from './searchTokens';
import type { TermMatcher } from './TermMatcher';

/** `text` as safe HTML with every matching word wrapped in `<mark>`. */
export function highlightHtml(text: string, isMatch: TermMatcher): string {
  let html = '';
  let at = 0;
  for (const span of searchTokenSpans(text)) {
    if (!isMatch(span.token)) continue;
    html += `${escapeHtml(text.slice(at, span.start))}<mark>${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  return html + escapeHtml(text.slice(at));
}
