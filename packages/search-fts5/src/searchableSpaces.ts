import type { SearchRequest } from '@lore/core';

/**
 * The indexed spaces a search may return pages from (readable, and among the requested ones
 * when the searcher filtered by space), and the indexed spaces it may not; null when it may
 * return nothing.
 */
export function searchableSpaces(
  request: SearchRequest,
  indexedSpaceIds: readonly string[],
): { readonly inside: string[]; readonly outside: string[] } | null {
  const readable = new Set(request.readableSpaceIds);
  const requested = request.filters?.spaceIds;
  const allowed = new Set(
    requested && requested.length > 0 ? requested.filter((id) => readable.has(id)) : readable,
  );
  if (allowed.size === 0) return null;
  const inside = indexedSpaceIds.filter((id) => allowed.has(id));
  const outside = indexedSpaceIds.filter((id) => !allowed.has(id));
  return inside.length === 0 ? null : { inside, outside };
}
