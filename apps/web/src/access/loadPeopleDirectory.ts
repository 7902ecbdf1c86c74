import type { User } from '@lore/api';
import { ApiError } from '../api/ApiError';
import { api } from '../api/client';
import { accessApi } from './accessApi';
import { type Principal, principalKey } from './Principal';

/** Groups whose members are read to find people, for those who may not list every account. */
const groupsReadForPeople = 40;

export interface PeopleDirectory {
  principals: Principal[];
  /**
   * False when the list holds only the people the caller can find (the members of groups):
   * listing every account is for workspace admins.
   */
  complete: boolean;
}

/**
 * The people and groups the signed-in person can pick from. Workspace admins get every enabled
 * account; members get the groups and the people in them; guests, who may not list groups, get
 * nobody (the screen adds the people it already knows, such as a space's members).
 */
export async function loadPeopleDirectory(me: User): Promise<PeopleDirectory> {
  if (me.role === 'guest') return { principals: [], complete: false };
  const found = new Map<string, Principal>();
  const add = (principal: Principal) => found.set(principalKey(principal), principal);

  const { groups } = await accessApi.groups();
  for (const group of groups) add({ kind: 'group', id: group.id, name: group.name });

  if (me.role === 'admin') {
    const { users } = await api.listUsers();
    for (const user of users) {
      if (user.disabled) continue;
      add({
        kind: 'user',
        id: user.id,
        name: user.displayName,
        email: user.email,
        guest: user.role === 'guest',
      });
    }
    return { principals: sorted(found), complete: true };
  }

  const details = await Promise.all(
    groups.slice(0, groupsReadForPeople).map((group) =>
      accessApi.group(group.id).catch((failure: unknown) => {
        // A group deleted in the meantime is simply left out.
        if (failure instanceof ApiError && failure.status === 404) return null;
        throw failure;
      }),
    ),
  );
  for (const detail of details) {
    for (const person of detail?.members ?? []) {
      add({ kind: 'user', id: person.id, name: person.displayName });
    }
  }
  add({ kind: 'user', id: me.id, name: me.displayName });
  return { principals: sorted(found), complete: false };
}

function sorted(found: Map<string, Principal>): Principal[] {
  return [...found.values()].sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === 'group' ? -1 : 1) || a.name.localeCompare(b.name),
  );
}
