import type { SpaceRole } from './SpaceRole';

/** Who a grant or a restriction names: one person or a group. */
export type PrincipalKind = 'user' | 'group';

/** A member of a space: a person or a group, with a role in it. */
export interface SpaceGrant {
  readonly spaceId: string;
  readonly kind: PrincipalKind;
  /** A user id or a group id, after `kind`. */
  readonly principalId: string;
  readonly role: SpaceRole;
}
