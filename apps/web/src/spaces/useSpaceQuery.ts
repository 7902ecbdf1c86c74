import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { ApiError } from '../api/ApiError';

export interface SpaceQuery<T> {
  /** What `load` answered for the current slug; null while it is on its way or after an error. */
  data: T | null;
  error: ApiError | null;
  /** Replaces the loaded data, e.g. after a change the server confirmed. */
  setData: Dispatch<SetStateAction<T | null>>;
}

/**
 * Loads what a `/spaces/:slug/…` page shows, and loads again whenever the slug changes: the old
 * data is cleared at once and an answer for an earlier slug is dropped. API errors are kept for
 * the page to show; anything else is not an answer the page can explain and is rethrown. `load`
 * must be stable (a module-level function), or it reloads on every render.
 */
export function useSpaceQuery<T>(slug: string, load: (slug: string) => Promise<T>): SpaceQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let current = true;
    setData(null);
    setError(null);
    load(slug).then(
      (answer) => current && setData(answer),
      (failure: unknown) => {
        if (!current) return;
        if (failure instanceof ApiError) setError(failure);
        else throw failure;
      },
    );
    return () => {
      current = false;
    };
  }, [slug, load]);

  return { data, error, setData };
}
