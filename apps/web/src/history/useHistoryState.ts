import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type HistoryState, readHistoryState, writeHistoryState } from './historyParams';

export interface HistoryStateHandle {
  state: HistoryState;
  /** Changes what the panel shows; other search parameters of the page URL stay. */
  update(change: Partial<HistoryState>): void;
}

/** The history panel's state, read from and written to the page URL (`?history…`). */
export function useHistoryState(): HistoryStateHandle {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readHistoryState(params), [params]);
  const update = useCallback(
    (change: Partial<HistoryState>) =>
      setParams(
        (previous) => writeHistoryState(previous, { ...readHistoryState(previous), ...change }),
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );
  return { state, update };
}
