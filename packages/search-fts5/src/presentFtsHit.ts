import { highlightHtml, type SearchHit, snippetHtml, type TermMatcher } from '@lore/core';
import { type FtsDocumentRow, storedList } from './FtsDocumentRow';

/** A stored page as a hit: the title and an excerpt of the body with the matches marked. */
export function presentFtsHit(row: FtsDocumentRow, isMatch: TermMatcher): SearchHit {
  return {
    pageId: row.page_id,
    shortId: row.short_id,
    spaceId: row.space_id,
    title: row.title,
    titleHtml: highlightHtml(row.title, isMatch),
    snippetHtml: snippetHtml(row.body, isMatch),
    path: storedList(row.path),
    updatedAt: row.updated_at,
  };
}
