import { useEffect, useState, useSyncExternalStore } from 'react';
import { CollabSession, type CollabSnapshot } from './CollabSession';

/**
 * Opens the collaboration session of a page for as long as the component is mounted (and
 * reopens it when `pageId` changes). `null` until the first effect has run.
 */
export function useCollabSession(pageId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = new CollabSession(pageId);
    setSession(opened);
    return () => {
      setSession(null);
      opened.destroy();
    };
  }, [pageId]);
  return session?.pageId === pageId ? session : null;
}

const idle: CollabSnapshot = {
  connection: 'syncing',
  loadedLocally: false,
  syncedOnce: false,
  terminal: null,
};
const noSubscription = () => () => {};

/** The live connection state of a session, re-rendering when it changes. */
export function useCollabSnapshot(session: CollabSession | null): CollabSnapshot {
  return useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    () => session?.snapshot ?? idle,
  );
}
