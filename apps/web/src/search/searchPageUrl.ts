import { type SearchFilters, writeSearchFilters } from './searchFilters';

/** The search page address for a query, with optional filters. */
export function searchPageUrl(q: string, filters: Partial<Omit<SearchFilters, 'q'>> = {}): string {
  const params = writeSearchFilters({
    q,
    spaces: filters.spaces ?? [],
    authors: filters.authors ?? [],
    tags: filters.tags ?? [],
    updated: filters.updated ?? '',
  });
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
