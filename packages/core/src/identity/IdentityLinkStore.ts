import type { IdentityLink } from './IdentityLink';

/**
 * Persistence of identity links and of which groups an outside provider manages. Plain data;
 * the rules are in `ExternalSignInService`.
 */
export interface IdentityLinkStore {
  /** Inserts a link; false when the provider's subject is linked already. */
  insertLink(link: IdentityLink): boolean;
  findLink(providerId: string, subject: string): IdentityLink | null;
  /** The user's links, oldest first. */
  listLinksOfUser(userId: string): IdentityLink[];
  touchLink(providerId: string, subject: string, at: number): void;
  /** Marks the group as managed by the provider (its memberships follow the provider's claim). */
  markGroupManaged(providerId: string, groupId: string): void;
  /** Ids of the groups the provider manages, in no particular order. */
  listManagedGroups(providerId: string): string[];
  /** Runs `work` atomically against this store (and the others in the same database). */
  transaction<T>(work: () => T): T;
}
