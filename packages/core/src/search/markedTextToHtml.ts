import { escapeHtml } from './escapeHtml';

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

/** Engine output with `matchStart`/`matchEnd` markers as safe HTML with `<mark>`. */
export function markedTextToHtml(text: string): string {
  let html = '';
  let open = false;
  for (const part of text.split(/([\uE000\uE001])/)) {
    if (part === matchStart) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === matchEnd) {
      if (open) html += '</mark>';
      open = false;
    } else html += escapeHtml(part);
  }
  return open ? `${html}</mark>` : html;
}
