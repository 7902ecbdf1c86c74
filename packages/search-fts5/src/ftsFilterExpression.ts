import type { SearchRequest } from '@lore/core';
import { facetToken } from './facetToken';
import { ftsAnyOf, ftsPhrase } from './ftsPhrase';
import { searchableSpaces } from './searchableSpaces';

/**
 * The permission and filter part of a MATCH expression (empty when nothing restricts), or
 * null when the user can read none of the requested spaces. `indexedSpaceIds` are the spaces
 * holding indexed pages: the shorter of "in these" and "not in those" is written. With
 * `spaces: 'joined'` the spaces are left out of the expression, for a statement that checks
 * them on the page rows instead (see `FtsScope.spaceIds`).
 */
export function ftsFilterExpression(
  request: SearchRequest,
  indexedSpaceIds: readonly string[],
  spaces: 'match' | 'joined' = 'match',
): string | null {
  const searchable = searchableSpaces(request, indexedSpaceIds);
  if (searchable === null) return null;
  const { inside, outside } = searchable;
  let expression = '';
  if (spaces === 'joined' || outside.length === 0) {
    expression = '';
  } else if (outside.length < inside.length) {
    expression += ` NOT (facets : ${ftsAnyOf(outside.map((id) => [facetToken.space(id)]))})`;
  } else {
    expression = ` AND (facets : ${ftsAnyOf(inside.map((id) => [facetToken.space(id)]))})`;
  }
  const authors = request.filters?.authorIds ?? [];
  if (authors.length > 0) {
    expression = ` AND (facets : ${ftsAnyOf(authors.map((id) => [facetToken.author(id)]))})${expression}`;
  }
  for (const tag of request.filters?.tags ?? []) {
    expression = ` AND (facets : ${ftsPhrase([facetToken.tag(tag)])})${expression}`;
  }
  return expression;
}
