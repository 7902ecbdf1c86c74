import { useCallback, useEffect, useMemo, useState } from 'react';
import { RecentSearches } from './RecentSearches';

/** Tells the other users of the list in this tab (header box, search page) that it changed. */
const changedEvent = 'lore:recent-searches-changed';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Some browsers throw when storage is disabled.
    return null;
  }
}

export interface RecentSearchesState {
  items: string[];
  remember(query: string): void;
  forget(query: string): void;
  clear(): void;
}

/** The signed-in person's recent searches, kept in this browser and shared by its tabs. */
export function useRecentSearches(userId: string): RecentSearchesState {
  const store = useMemo(() => new RecentSearches(browserStorage(), userId), [userId]);
  const [items, setItems] = useState(() => store.list());

  useEffect(() => {
    const reload = () => setItems(store.list());
    reload();
    window.addEventListener(changedEvent, reload);
    // Other tabs change the same storage.
    window.addEventListener('storage', reload);
    return () => {
      window.removeEventListener(changedEvent, reload);
      window.removeEventListener('storage', reload);
    };
  }, [store]);

  const update = useCallback((next: string[]) => {
    setItems(next);
    window.dispatchEvent(new Event(changedEvent));
  }, []);

  return {
    items,
    remember: useCallback((query: string) => update(store.remember(query)), [store, update]),
    forget: useCallback((query: string) => update(store.forget(query)), [store, update]),
    clear: useCallback(() => {
      store.clear();
      update([]);
    }, [store, update]),
  };
}
