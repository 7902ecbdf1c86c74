import type { Space } from '@lore/api';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { useCurrentUser } from '../session/useCurrentUser';
import { isOnList } from './isOnList';
import { loadPageAccessChain } from './loadPageAccessChain';

/**
 * `edit` or `read` once known; `unknown` while loading, offline, or when it depends on groups
 * the person may not look into (the server decides anyway).
 */
export type PageEditAccess = 'edit' | 'read' | 'unknown';

/**
 * Whether the signed-in person may edit a page: their role in its space (admins always may,
 * viewers and commenters never) and, for editors, every edit list on the page and above it.
 */
export function usePageEditAccess(pageId: string, space: Space | null): PageEditAccess {
  const me = useCurrentUser();
  const needsChain = space?.role === 'editor';
  const chain = useApiQuery(
    queryKeys.pageAccessChain(pageId),
    () => loadPageAccessChain(pageId, me.id),
    { enabled: needsChain },
  );
  if (!space) return 'unknown';
  if (space.role === 'admin') return 'edit';
  if (space.role !== 'editor') return 'read';
  if (!chain.data) return 'unknown';
  let unknown = false;
  for (const level of [chain.data.own, ...chain.data.inherited]) {
    if (!level.edit) continue;
    const on = isOnList(level.edit, me.id, chain.data.myGroups);
    if (on === false) return 'read';
    if (on === null) unknown = true;
  }
  return unknown ? 'unknown' : 'edit';
}
