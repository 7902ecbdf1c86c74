import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SetStateAction, useCallback, useEffect, useRef } from 'react';
import { ApiError } from './ApiError';

export interface ApiQuery<T> {
  /** The latest answer, or null before the first. Kept while loading again and after a failed reload. */
  data: T | null;
  /** Why the latest load failed, for the screen to show; null once an answer arrives. */
  error: ApiError | null;
  /** True while an answer is on its way (the previous one may still show). */
  loading: boolean;
  /** Replaces the loaded data, e.g. after a change the server confirmed. */
  setData(update: SetStateAction<T | null>): void;
  /** Loads again, keeping the current data on screen until the answer arrives. */
  reload(): void;
}

export interface ApiQueryOptions {
  /** False loads nothing (yet); `data` stays null. */
  enabled?: boolean;
  /** Loads again this often while the page is visible. */
  refetchEveryMs?: number;
  /** Loads again whenever this value changes, e.g. a counter bumped when the page was edited. */
  reloadOn?: unknown;
}

const throwUnlessApiError = (failure: Error) => !(failure instanceof ApiError);

/**
 * Loads data from the API for a cache key, and again when the key changes; components showing
 * the same key share one request and one answer. The one rule for failures: an `ApiError` (the
 * server said no, or could not be reached) is returned as `error` for the screen to explain;
 * anything else is a bug and is thrown to the nearest error boundary.
 */
export function useApiQuery<T>(
  queryKey: QueryKey,
  load: () => Promise<T>,
  options: ApiQueryOptions = {},
): ApiQuery<T> {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey,
    queryFn: load,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchEveryMs ?? false,
    throwOnError: throwUnlessApiError,
  });

  const { refetch } = query;
  const seenTrigger = useRef(options.reloadOn);
  useEffect(() => {
    if (Object.is(seenTrigger.current, options.reloadOn)) return;
    seenTrigger.current = options.reloadOn;
    void refetch();
  }, [options.reloadOn, refetch]);

  const hash = JSON.stringify(queryKey);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `hash` stands for the key's content.
  const setData = useCallback(
    (update: SetStateAction<T | null>) =>
      queryClient.setQueryData<T>(queryKey, (current) => {
        const next =
          typeof update === 'function'
            ? (update as (previous: T | null) => T | null)(current ?? null)
            : update;
        return next ?? undefined;
      }),
    [queryClient, hash],
  );
  const reload = useCallback(() => void refetch(), [refetch]);

  return {
    data: query.data ?? null,
    error: query.error instanceof ApiError ? query.error : null,
    loading: query.isFetching,
    setData,
    reload,
  };
}
