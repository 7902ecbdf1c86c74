import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import { ApiError } from './ApiError';

export interface ApiQuery<T> {
  data: T | null;
  error: ApiError | null;
  /** Replaces the loaded data, e.g. after a change the server confirmed. */
  setData: Dispatch<SetStateAction<T | null>>;
  reload(): void;
}

/**
 * Loads data from the API when the component mounts. `load` must be stable (a module-level
 * function), or it reloads on every render.
 */
export function useApiQuery<T>(load: () => Promise<T>): ApiQuery<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload trigger.
  useEffect(() => {
    let current = true;
    load().then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(null);
      },
      (failure: unknown) => {
        if (!current) return;
        if (failure instanceof ApiError) setError(failure);
        else
          setData(() => {
            throw failure;
          });
      },
    );
    return () => {
      current = false;
    };
  }, [load, generation]);

  return { data, error, setData, reload: () => setGeneration((n) => n + 1) };
}
