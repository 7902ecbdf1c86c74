import { highlightRanges, matchSnippet, type SearchHit, type TermMatcher } from '@lore/core';
import { type FtsDocumentRow, storedList } from './FtsDocumentRow';

/** A stored page as a hit: the title and an excerpt of the body with the matches' ranges. */
export function presentFtsHit(row: FtsDocumentRow, isMatch: TermMatcher): SearchHit {
  const snippet = matchSnippet(row.body, isMatch);
  return {
    pageId: row.page_id,
    shortId: row.short_id,
    spaceId: row.space_id,
    title: row.title,
    titleHighlights: highlightRanges(row.title, isMatch),
    snippet: snippet.text,
    snippetHighlights: snippet.highlights,
    path: storedList(row.path),
    updatedAt: row.updated_at,
  };
}
