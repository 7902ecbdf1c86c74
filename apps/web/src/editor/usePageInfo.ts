import type { Page, Space } from '@lore/api';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';

/** The page's metadata from the API, or why it is missing. */
export type PageInfo =
  | { status: 'loading' }
  | { status: 'ready'; page: Page; space: Space }
  /** The server answered that the page does not exist for this user (404). */
  | { status: 'missing' }
  /** The server could not be reached: the page may still open from this device. */
  | { status: 'unreachable' }
  | { status: 'failed'; error: ApiError };

/** Loads a page's metadata (title, space) and loads it again when the network comes back. */
export function usePageInfo(pageId: string): PageInfo {
  const [info, setInfo] = useState<PageInfo>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const retry = () => setAttempt((n) => n + 1);
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the reload trigger.
  useEffect(() => {
    let current = true;
    setInfo((known) =>
      known.status === 'ready' && known.page.id === pageId ? known : { status: 'loading' },
    );
    api.getPageInfo(pageId).then(
      ({ page, space }) => current && setInfo({ status: 'ready', page, space }),
      (error: unknown) => {
        if (!current) return;
        if (!(error instanceof ApiError)) throw error;
        if (error.status === 404) setInfo({ status: 'missing' });
        else if (error.status === 0) setInfo({ status: 'unreachable' });
        else setInfo({ status: 'failed', error });
      },
    );
    return () => {
      current = false;
    };
  }, [pageId, attempt]);

  return info;
}
