import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/ApiError';

export interface Fetched<T> {
  data: T | null;
  error: ApiError | null;
  /** True while the answer for the current key is on its way (older data may still show). */
  loading: boolean;
}

/**
 * Loads data for a key and loads again whenever the key or `refresh` changes; the latest request
 * wins, so a slow answer for an earlier selection never replaces a newer one. A new key clears
 * what was shown; a new `refresh` keeps it on screen until the fresh answer arrives. A null key
 * loads nothing.
 */
export function useFetched<T>(
  key: string | null,
  refresh: number,
  load: () => Promise<T>,
): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ data: null, error: null, loading: false });
  const latestLoad = useRef(load);
  latestLoad.current = load;

  const shownKey = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the reload trigger.
  useEffect(() => {
    const sameKey = shownKey.current === key;
    shownKey.current = key;
    if (key === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    let current = true;
    setState((previous) =>
      sameKey ? { ...previous, loading: true } : { data: null, error: null, loading: true },
    );
    latestLoad.current().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (failure: unknown) => {
        if (!current) return;
        const error =
          failure instanceof ApiError
            ? failure
            : new ApiError(0, 'unexpected', 'Something went wrong while loading this.');
        setState({ data: null, error, loading: false });
      },
    );
    return () => {
      current = false;
    };
  }, [key, refresh]);

  return state;
}
