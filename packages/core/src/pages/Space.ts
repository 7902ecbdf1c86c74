import type { DefaultSpaceRole } from '../access/SpaceRole';
import type { SpaceVisibility } from '../access/SpaceVisibility';

/** A top-level area of the wiki (a team, a product, a handbook) holding a tree of pages. */
export interface Space {
  readonly id: string;
  /** URL name, unique: lowercase letters, digits and dashes. */
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  /** Who reads it: every workspace member (`open`) or its members only (`private`). */
  readonly visibility: SpaceVisibility;
  /** The role workspace members get in an open space without a grant of their own. */
  readonly defaultRole: DefaultSpaceRole;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}
