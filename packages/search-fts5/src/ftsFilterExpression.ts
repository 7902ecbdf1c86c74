import type { SearchRequest } from '@lore/core';
import { facetToken } from './facetToken';
import { ftsAnyOf, ftsPhrase } from './ftsPhrase';

/**
 * The permission and filter part of a MATCH expression (empty when nothing restricts), or
 * null when the user can read none of the requested spaces. `indexedSpaceIds` are the spaces
 * holding indexed pages: the shorter of "in these" and "not in those" is written.
 */
export function ftsFilterExpression(
  request: SearchRequest,
  indexedSpaceIds: readonly string[],
): string | null {
  const readable = new Set(request.readableSpaceIds);
  const requested = request.filters?.spaceIds;
  const allowed = new Set(
    requested && requested.length > 0 ? requested.filter((id) => readable.has(id)) : readable,
  );
  if (allowed.size === 0) return null;
  const inside = indexedSpaceIds.filter((id) => allowed.has(id));
  const outside = indexedSpaceIds.filter((id) => !allowed.has(id));
  if (inside.length === 0) return null;
  let expression = '';
  if (outside.length > 0 && outside.length < inside.length) {
    expression += ` NOT (facets : ${ftsAnyOf(outside.map((id) => [facetToken.space(id)]))})`;
  } else if (outside.length > 0) {
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
