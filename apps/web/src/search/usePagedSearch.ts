import type { SearchHit, SearchResponse } from '@lore/api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/ApiError';
import { searchApi } from './searchApi';
import { type SearchFilters, searchApiQuery } from './searchFilters';

/** Results per request on the search page. */
export const searchPageSize = 20;

export interface PagedSearch {
  /** Everything loaded so far, in rank order; null before the first answer. */
  hits: SearchHit[] | null;
  /** The first answer's details: total, "did you mean", the search id for clicks. */
  first: SearchResponse | null;
  error: ApiError | null;
  loadingFirst: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore(): void;
  retry(): void;
}

const toApiError = (failure: unknown) =>
  failure instanceof ApiError ? failure : new ApiError(0, 'unexpected', 'Search failed.');

/**
 * The results for the search page's filters, a page at a time ("Load more"). A change of filters
 * starts over; answers for filters no longer shown are dropped.
 */
export function usePagedSearch(filters: SearchFilters): PagedSearch {
  const key = JSON.stringify(filters);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [first, setFirst] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingFirst, setLoadingFirst] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filters; `attempt` retries.
  useEffect(() => {
    const mine = ++generation.current;
    setError(null);
    if (!filtersRef.current.q.trim()) {
      setHits(null);
      setFirst(null);
      setLoadingFirst(false);
      return;
    }
    setLoadingFirst(true);
    const query = searchApiQuery(
      filtersRef.current,
      { limit: searchPageSize, offset: 0, record: true },
      new Date(),
    );
    searchApi.search(query).then(
      (response) => {
        if (mine !== generation.current) return;
        setFirst(response);
        setHits(response.results);
        setLoadingFirst(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(toApiError(failure));
        setHits(null);
        setFirst(null);
        setLoadingFirst(false);
      },
    );
  }, [key, attempt]);

  const loaded = hits?.length ?? 0;
  const hasMore =
    first !== null && first.results.length > 0 && loaded < first.total && loaded < 1000;

  const loadMore = useCallback(() => {
    const mine = generation.current;
    setLoadingMore(true);
    setError(null);
    // The extra pages are not recorded: the first request already counted this search.
    const query = searchApiQuery(
      filtersRef.current,
      { limit: searchPageSize, offset: loaded, record: false },
      new Date(),
    );
    searchApi.search(query).then(
      (response) => {
        if (mine !== generation.current) return;
        setHits((current) => {
          const seen = new Set(current?.map((hit) => hit.pageId));
          return [...(current ?? []), ...response.results.filter((hit) => !seen.has(hit.pageId))];
        });
        if (response.results.length === 0) {
          setFirst((current) => (current ? { ...current, total: loaded } : current));
        }
        setLoadingMore(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(toApiError(failure));
        setLoadingMore(false);
      },
    );
  }, [loaded]);

  return {
    hits,
    first,
    error,
    loadingFirst,
    loadingMore,
    hasMore,
    loadMore,
    retry: () => setAttempt((n) => n + 1),
  };
}
