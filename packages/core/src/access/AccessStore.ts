import type { Group } from './Group';
import type { PageRestriction } from './PageRestriction';
import type { PrincipalKind, SpaceGrant } from './SpaceGrant';

/**
 * Persistence of who may do what beyond the workspace role: groups and their members, space
 * members (grants) and page restrictions. Plain data; the rules are in `AccessPolicy`.
 */
export interface AccessStore {
  /** Inserts a group; false when another group has the same name (ignoring case). */
  insertGroup(group: Group): boolean;
  findGroupById(id: string): Group | null;
  /** Every group, by name. */
  listGroups(): Group[];
  /** Renames a group; false when another group has the name (ignoring case). */
  renameGroup(id: string, name: string, at: number): boolean;
  /**
   * Deletes a group with its memberships, its space grants and its entries in page
   * restrictions (a list that named only the group then names nobody).
   */
  deleteGroup(id: string): void;
  /** Adds a person to a group; false when they were in it already. */
  addGroupMember(groupId: string, userId: string): boolean;
  /** Removes a person from a group; false when they were not in it. */
  removeGroupMember(groupId: string, userId: string): boolean;
  /** The group's members' user ids, in no particular order. */
  listGroupMembers(groupId: string): string[];
  /** Ids of the groups a person is in. */
  listGroupsOfUser(userId: string): string[];

  /** Gives a person or group a role in a space, replacing the role they had. */
  setSpaceGrant(grant: SpaceGrant): void;
  /** Removes a member from a space; false when they were not one. */
  removeSpaceGrant(spaceId: string, kind: PrincipalKind, principalId: string): boolean;
  findSpaceGrant(spaceId: string, kind: PrincipalKind, principalId: string): SpaceGrant | null;
  /** The space's members. */
  listSpaceGrants(spaceId: string): SpaceGrant[];
  /** Every grant naming the user or one of the groups, in any space. */
  listGrantsOf(userId: string, groupIds: readonly string[]): SpaceGrant[];
  /** Every grant naming the group. */
  listGrantsOfGroup(groupId: string): SpaceGrant[];

  /** Sets (or replaces) a page's restriction. */
  setPageRestriction(restriction: PageRestriction): void;
  /** Lifts a page's restriction; false when it had none. */
  removePageRestriction(pageId: string): boolean;
  findPageRestriction(pageId: string): PageRestriction | null;
  /** Every restricted page's restriction. */
  listPageRestrictions(): PageRestriction[];

  /** Runs `work` atomically against this store (and the event log in the same database). */
  transaction<T>(work: () => T): T;
}
