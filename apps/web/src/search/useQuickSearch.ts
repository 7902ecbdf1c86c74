import type { SearchResponse } from '@lore/api';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/ApiError';
import { searchApi } from './searchApi';
import { searchApiQuery } from './searchFilters';

export interface QuickSearchState {
  /** The query the shown results belong to (they may trail what is typed by a moment). */
  query: string;
  response: SearchResponse | null;
  error: ApiError | null;
  /** A newer query is waiting for its answer. */
  loading: boolean;
}

const idle: QuickSearchState = { query: '', response: null, error: null, loading: false };

/**
 * Results for what is being typed: asks once typing pauses for `delayMs`, and drops answers
 * that arrive after a newer query was sent, so a slow early answer never replaces a later one.
 */
export function useQuickSearch(text: string, limit: number, delayMs = 120): QuickSearchState {
  const [state, setState] = useState<QuickSearchState>(idle);

  useEffect(() => {
    if (!text.trim()) {
      setState(idle);
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    const timer = setTimeout(() => {
      const query = searchApiQuery(
        { q: text, spaces: [], authors: [], tags: [], updated: '' },
        { limit, offset: 0, record: true },
        new Date(),
      );
      searchApi.search(query).then(
        (response) => {
          if (current) setState({ query: text, response, error: null, loading: false });
        },
        (failure: unknown) => {
          if (!current) return;
          const error =
            failure instanceof ApiError
              ? failure
              : new ApiError(0, 'unexpected', 'Search failed unexpectedly.');
          setState({ query: text, response: null, error, loading: false });
        },
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, limit, delayMs]);

  return state;
}
