import type { SpaceMember } from '@lore/api';
import { queryKeys } from '../api/queryKeys';
import { useApiQuery } from '../api/useApiQuery';
import { accessApi } from './accessApi';

export interface AdminsToAsk {
  /** Names to show; empty while loading or when nobody could be found. */
  names: string[];
  loading: boolean;
}

/** The names of the enabled workspace admins. */
export function useWorkspaceAdminNames(enabled = true): AdminsToAsk {
  const admins = useApiQuery(queryKeys.workspaceAdmins, accessApi.workspaceAdmins, { enabled });
  return {
    names: admins.data?.admins.map((admin) => admin.displayName) ?? [],
    loading: admins.data === null && admins.error === null && enabled,
  };
}

/** How a space admin is named: people by name, groups as "the members of …". */
const adminName = (member: SpaceMember) =>
  member.kind === 'group' ? `a member of the group ${member.name}` : member.name;

/**
 * Whom to ask for more access in a space: its admins (people first, then groups), or the
 * workspace admins when the space names none (they administer every space).
 */
export function useSpaceAdminNames(space: string | null): AdminsToAsk {
  const members = useApiQuery(
    queryKeys.spaceMembers(space ?? ''),
    () => accessApi.spaceMembers(space ?? ''),
    { enabled: space !== null },
  );
  const admins = (members.data?.members ?? [])
    .filter((member) => member.role === 'admin')
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'user' ? -1 : 1));
  const needsWorkspace =
    space === null || members.error !== null || (members.data !== null && admins.length === 0);
  const workspace = useWorkspaceAdminNames(needsWorkspace);
  if (needsWorkspace) return workspace;
  return { names: admins.map(adminName), loading: members.data === null };
}
