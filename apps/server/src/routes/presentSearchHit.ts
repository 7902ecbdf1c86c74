import type { HighlightRange, Person, SearchHit, Space } from '@lore/core';
import { highlightedHtml } from './highlightedHtml';

// Copied field by field: only the offsets reach the wire, whatever else an engine attached.
const ranges = (highlights: readonly HighlightRange[]) =>
  highlights.map((range) => ({ start: range.start, end: range.end }));

/**
 * A hit as `GET /api/search` sends it: the plain title and snippet with their highlight ranges,
 * and the same as escaped HTML with `<mark>` (`titleHtml`, `snippetHtml`) for clients that
 * insert HTML.
 */
export function presentSearchHit(hit: SearchHit, space: Space | null, updatedBy: Person | null) {
  return {
    pageId: hit.pageId,
    shortId: hit.shortId,
    url: `/s/${hit.shortId}`,
    title: hit.title,
    titleHighlights: ranges(hit.titleHighlights),
    titleHtml: highlightedHtml(hit.title, hit.titleHighlights),
    snippet: hit.snippet,
    snippetHighlights: ranges(hit.snippetHighlights),
    snippetHtml: highlightedHtml(hit.snippet, hit.snippetHighlights),
    space: { id: hit.spaceId, slug: space?.slug ?? '', name: space?.name ?? '' },
    path: [...hit.path],
    updatedAt: new Date(hit.updatedAt).toISOString(),
    updatedBy,
  };
}
