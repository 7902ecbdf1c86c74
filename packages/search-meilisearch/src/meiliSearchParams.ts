import {
  matchEnd,
  matchStart,
  type ParsedQuery,
  type QueryClause,
  type SearchRequest,
} from '@lore/core';
import type { SearchParams } from 'meilisearch';

/** Meilisearch filter string syntax: a double-quoted value with `"` and `\` escaped. */
export function meiliString(value: string): string {
  return `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

const list = (values: readonly string[]) => `[${values.map(meiliString).join(', ')}]`;

/**
 * The filter for a request: the readable spaces (narrowed by the space filter) less the pages
 * hidden by page restrictions, always; then the other filters. Null when the user may read none
 * of the requested spaces.
 */
export function meiliFilter(request: SearchRequest): string | null {
  const readable = new Set(request.readableSpaceIds);
  const requested = request.filters?.spaceIds;
  const spaces =
    requested && requested.length > 0 ? requested.filter((id) => readable.has(id)) : [...readable];
  if (spaces.length === 0) return null;
  const parts = [`spaceId IN ${list([...new Set(spaces)])}`];
  const hidden = request.hiddenPageIds ?? [];
  if (hidden.length > 0) parts.push(`pageId NOT IN ${list([...new Set(hidden)])}`);
  const authors = request.filters?.authorIds ?? [];
  if (authors.length > 0) parts.push(`authorIds IN ${list(authors)}`);
  for (const tag of request.filters?.tags ?? []) {
    parts.push(`tagKeys = ${meiliString(tag.trim().toLowerCase())}`);
  }
  const after = request.filters?.updatedAfter;
  if (after !== undefined && Number.isFinite(after)) {
    parts.push(`updatedAt >= ${Math.trunc(after)}`);
  }
  return parts.join(' AND ');
}

const clauseText = (clause: QueryClause) =>
  clause.kind === 'word' ? clause.text : `"${clause.words.join(' ')}"`;

/**
 * The query string Meilisearch gets: the normalized words and phrases of the parsed query,
 * exclusions as `-word`, and a trailing space unless the last word is still being typed (so it
 * is not matched as a prefix). Nothing of the user's own syntax reaches the engine.
 */
export function meiliQueryText(query: ParsedQuery): string {
  const parts = [
    ...query.required.map(clauseText),
    ...query.excluded.map((clause) => `-${clauseText(clause)}`),
  ];
  const last = query.required.at(-1);
  const typing = query.excluded.length === 0 && last?.kind === 'word' && last.prefix;
  return `${parts.join(' ')}${typing ? '' : ' '}`;
}

/** Search parameters: filter, paging, highlighting with private markers, cropped body. */
export function meiliSearchParams(request: SearchRequest, filter: string): SearchParams {
  return {
    filter,
    limit: Math.min(100, Math.max(1, Math.trunc(request.limit) || 1)),
    offset: Math.min(1000, Math.max(0, Math.trunc(request.offset) || 0)),
    attributesToRetrieve: ['pageId', 'shortId', 'spaceId', 'title', 'path', 'updatedAt'],
    attributesToHighlight: ['title', 'headings', 'body'],
    attributesToCrop: ['body'],
    cropLength: 30,
    cropMarker: '…',
    highlightPreTag: matchStart,
    highlightPostTag: matchEnd,
    matchingStrategy: 'last',
  };
}
