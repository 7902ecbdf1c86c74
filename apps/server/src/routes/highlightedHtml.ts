import { escapeHtml, type HighlightRange } from '@lore/core';

/**
 * `text` as safe HTML with each highlighted range in `<mark>`: every character is escaped, and
 * ranges that are out of bounds or overlap an earlier one are clipped, so no input can produce
 * markup other than balanced `<mark>` elements.
 */
export function highlightedHtml(text: string, highlights: readonly HighlightRange[]): string {
  let html = '';
  let at = 0;
  for (const range of highlights) {
    const start = Math.max(at, Math.min(text.length, Math.trunc(range.start) || 0));
    const end = Math.min(text.length, Math.trunc(range.end) || 0);
    if (end <= start) continue;
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}
