import type { Page, PageAccessLevel, Space } from '@lore/api';
import { useEffect } from 'react';
import type { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';

/** The page's metadata from the API, or why it is missing. */
export type PageInfo =
  | { status: 'loading' }
  /** `access`: what the person may do with the page, as the server decides it. */
  | { status: 'ready'; page: Page; space: Space; access: PageAccessLevel }
  /** The server answered that the page does not exist for this user (404). */
  | { status: 'missing' }
  /** The server could not be reached: the page may still open from this device. */
  | { status: 'unreachable' }
  | { status: 'failed'; error: ApiError };

/** Loads a page's metadata (title, space) and loads it again when the network comes back. */
export function usePageInfo(pageId: string): PageInfo {
  const { data, error, reload } = useApiQuery(queryKeys.pageInfo(pageId), () =>
    api.getPageInfo(pageId),
  );

  useEffect(() => {
    window.addEventListener('online', reload);
    return () => window.removeEventListener('online', reload);
  }, [reload]);

  if (error?.status === 404) return { status: 'missing' };
  if (error?.status === 0) return { status: 'unreachable' };
  if (error) return { status: 'failed', error };
  if (data) return { status: 'ready', page: data.page, space: data.space, access: data.access };
  return { status: 'loading' };
}
