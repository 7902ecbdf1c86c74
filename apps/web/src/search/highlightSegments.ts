import type { HighlightRange } from '@lore/api';

/** A run of text, marked when it matched the query. */
export interface HighlightSegment {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` into plain and marked runs at the highlight ranges the search API returns.
 * Ranges out of bounds, empty or overlapping an earlier one are clipped, and neighbouring runs
 * of the same kind are merged, so any answer yields well-formed runs of the text itself.
 */
export function highlightSegments(
  text: string,
  highlights: readonly HighlightRange[],
): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  const push = (run: string, marked: boolean) => {
    if (!run) return;
    const last = segments[segments.length - 1];
    if (last && last.marked === marked) last.text += run;
    else segments.push({ text: run, marked });
  };
  let at = 0;
  for (const range of highlights) {
    const start = Math.max(at, Math.min(text.length, Math.trunc(range.start) || 0));
    const end = Math.min(text.length, Math.trunc(range.end) || 0);
    if (end <= start) continue;
    push(text.slice(at, start), false);
    push(text.slice(start, end), true);
    at = end;
  }
  push(text.slice(at), false);
  return segments;
}
