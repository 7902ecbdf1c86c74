import type { PrincipalList } from '@lore/api';

/**
 * Whether a person is named by a restriction list, directly or through a group; null when only
 * a group could name them and their groups are unknown.
 */
export function isOnList(
  list: PrincipalList,
  userId: string,
  myGroups: ReadonlySet<string> | null,
): boolean | null {
  if (list.users.includes(userId)) return true;
  if (list.groups.length === 0) return false;
  if (myGroups === null) return null;
  return list.groups.some((group) => myGroups.has(group));
}
