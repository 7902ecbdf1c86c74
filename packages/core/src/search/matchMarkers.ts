import type { HighlightedText, HighlightRange } from './HighlightRange';

/**
 * Private-use characters an engine may put around matches (Meilisearch's highlight tags); they
 * are stripped from indexed text, so they can only come from the engine.
 */
export const matchStart = '\uE000';
export const matchEnd = '\uE001';

/** Removes the match markers from text before it is indexed. */
export function withoutMatchMarkers(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}

/**
 * Engine output with `matchStart`/`matchEnd` markers as plain text and the ranges the markers
 * enclosed. Stray or nested markers are tolerated; an unclosed match runs to the end.
 */
export function readMatchMarkers(marked: string): HighlightedText {
  let text = '';
  const highlights: HighlightRange[] = [];
  let openedAt: number | null = null;
  const close = () => {
    if (openedAt !== null && text.length > openedAt) {
      highlights.push({ start: openedAt, end: text.length });
    }
    openedAt = null;
  };
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === matchStart) openedAt ??= text.length;
    else if (part === matchEnd) close();
    else text += part;
  }
  close();
  return { text, highlights };
}
