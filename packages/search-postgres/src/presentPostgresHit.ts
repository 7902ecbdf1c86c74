import { highlightRanges, matchSnippet, type SearchHit, type TermMatcher } from '@lore/core';

/** A page as `search_index_documents` stores what results show. */
export interface StoredPage {
  seq: number;
  page_id: string;
  short_id: string;
  space_id: string;
  title: string;
  body: string;
  path: string[];
  updated_at: number;
}

/** A stored page as a hit: the title and an excerpt of the body with the matches' ranges. */
export function presentPostgresHit(row: StoredPage, isMatch: TermMatcher): SearchHit {
  const snippet = matchSnippet(row.body, isMatch);
  return {
    pageId: row.page_id,
    shortId: row.short_id,
    spaceId: row.space_id,
    title: row.title,
    titleHighlights: highlightRanges(row.title, isMatch),
    snippet: snippet.text,
    snippetHighlights: snippet.highlights,
    path: row.path,
    updatedAt: row.updated_at,
  };
}
