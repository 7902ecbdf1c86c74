import type { User } from '@lore/api';
import { accessApi } from './accessApi';
import { type Principal, principalKey } from './Principal';

export interface PeopleDirectory {
  principals: Principal[];
  /** False when the list holds only some people (a guest's, who may not list people). */
  complete: boolean;
}

/**
 * The people and groups the signed-in person can pick from: workspace members and admins get
 * every group and every enabled person; guests, who may list neither, get nobody (the screen
 * adds the people it already knows, such as a space's members).
 */
export async function loadPeopleDirectory(me: User): Promise<PeopleDirectory> {
  if (me.role === 'guest') return { principals: [], complete: false };
  const found = new Map<string, Principal>();
  const add = (principal: Principal) => found.set(principalKey(principal), principal);
  const [{ groups }, { people }] = await Promise.all([accessApi.groups(), accessApi.people()]);
  for (const group of groups) add({ kind: 'group', id: group.id, name: group.name });
  for (const person of people) {
    add({
      kind: 'user',
      id: person.id,
      name: person.displayName,
      email: person.email,
      guest: person.guest,
    });
  }
  return { principals: sorted(found), complete: true };
}

function sorted(found: Map<string, Principal>): Principal[] {
  return [...found.values()].sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === 'group' ? -1 : 1) || a.name.localeCompare(b.name),
  );
}
