import type { AccessStore } from './AccessStore';
import type { Group } from './Group';
import type { PageRestriction, PrincipalList } from './PageRestriction';
import type { PrincipalKind, SpaceGrant } from './SpaceGrant';

const grantKey = (spaceId: string, kind: PrincipalKind, principalId: string) =>
  `${spaceId}\u0000${kind}\u0000${principalId}`;

const withoutGroup = (list: PrincipalList | null, groupId: string): PrincipalList | null =>
  list === null ? null : { users: list.users, groups: list.groups.filter((id) => id !== groupId) };

/** `AccessStore` in memory, for tests of the services and the policy. */
export class MemoryAccessStore implements AccessStore {
  readonly #groups = new Map<string, Group>();
  readonly #members = new Map<string, Set<string>>();
  readonly #grants = new Map<string, SpaceGrant>();
  readonly #restrictions = new Map<string, PageRestriction>();

  insertGroup(group: Group): boolean {
    if (this.#nameTaken(group.name, null)) return false;
    this.#groups.set(group.id, group);
    this.#members.set(group.id, new Set());
    return true;
  }

  findGroupById(id: string): Group | null {
    return this.#groups.get(id) ?? null;
  }

  listGroups(): Group[] {
    return [...this.#groups.values()].sort((a, b) =>
      a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1,
    );
  }

  renameGroup(id: string, name: string, at: number): boolean {
    const group = this.#groups.get(id);
    if (!group) return true;
    if (this.#nameTaken(name, id)) return false;
    this.#groups.set(id, { ...group, name, updatedAt: at });
    return true;
  }

  deleteGroup(id: string): void {
    this.#groups.delete(id);
    this.#members.delete(id);
    for (const [key, grant] of this.#grants) {
      if (grant.kind === 'group' && grant.principalId === id) this.#grants.delete(key);
    }
    for (const [pageId, restriction] of this.#restrictions) {
      this.#restrictions.set(pageId, {
        ...restriction,
        view: withoutGroup(restriction.view, id),
        edit: withoutGroup(restriction.edit, id),
      });
    }
  }

  addGroupMember(groupId: string, userId: string): boolean {
    const members = this.#members.get(groupId);
    if (!members || members.has(userId)) return false;
    members.add(userId);
    return true;
  }

  removeGroupMember(groupId: string, userId: string): boolean {
    return this.#members.get(groupId)?.delete(userId) ?? false;
  }

  listGroupMembers(groupId: string): string[] {
    return [...(this.#members.get(groupId) ?? [])];
  }

  listGroupsOfUser(userId: string): string[] {
    return [...this.#members].filter(([, members]) => members.has(userId)).map(([id]) => id);
  }

  setSpaceGrant(grant: SpaceGrant): void {
    this.#grants.set(grantKey(grant.spaceId, grant.kind, grant.principalId), { ...grant });
  }

  removeSpaceGrant(spaceId: string, kind: PrincipalKind, principalId: string): boolean {
    return this.#grants.delete(grantKey(spaceId, kind, principalId));
  }

  findSpaceGrant(spaceId: string, kind: PrincipalKind, principalId: string): SpaceGrant | null {
    return this.#grants.get(grantKey(spaceId, kind, principalId)) ?? null;
  }

  listSpaceGrants(spaceId: string): SpaceGrant[] {
    return [...this.#grants.values()].filter((grant) => grant.spaceId === spaceId);
  }

  listGrantsOf(userId: string, groupIds: readonly string[]): SpaceGrant[] {
    const groups = new Set(groupIds);
    return [...this.#grants.values()].filter((grant) =>
      grant.kind === 'user' ? grant.principalId === userId : groups.has(grant.principalId),
    );
  }

  listGrantsOfGroup(groupId: string): SpaceGrant[] {
    return [...this.#grants.values()].filter(
      (grant) => grant.kind === 'group' && grant.principalId === groupId,
    );
  }

  setPageRestriction(restriction: PageRestriction): void {
    this.#restrictions.set(restriction.pageId, restriction);
  }

  removePageRestriction(pageId: string): boolean {
    return this.#restrictions.delete(pageId);
  }

  findPageRestriction(pageId: string): PageRestriction | null {
    return this.#restrictions.get(pageId) ?? null;
  }

  listPageRestrictions(): PageRestriction[] {
    return [...this.#restrictions.values()];
  }

  transaction<T>(work: () => T): T {
    return work();
  }

  #nameTaken(name: string, exceptId: string | null): boolean {
    const wanted = name.toLowerCase();
    return [...this.#groups.values()].some(
      (group) => group.id !== exceptId && group.name.toLowerCase() === wanted,
    );
  }
}
