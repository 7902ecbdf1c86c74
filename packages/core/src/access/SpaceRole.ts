/** A person's role in a space, lowest first: each role can do what the ones before it can. */
export const spaceRoles = ['viewer', 'commenter', 'editor', 'admin'] as const;

/**
 * `viewer` reads, `commenter` also comments, `editor` also writes pages, `admin` also manages the
 * space's settings and members.
 */
export type SpaceRole = (typeof spaceRoles)[number];

/** The roles an open space can give every workspace member. */
export const defaultSpaceRoles = ['viewer', 'commenter', 'editor'] as const;
export type DefaultSpaceRole = (typeof defaultSpaceRoles)[number];

export function isSpaceRole(value: unknown): value is SpaceRole {
  return (spaceRoles as readonly unknown[]).includes(value);
}

/** 0 for no role, then 1 (viewer) to 4 (admin). */
export function spaceRoleRank(role: SpaceRole | null): number {
  return role === null ? 0 : spaceRoles.indexOf(role) + 1;
}

/** The higher of two roles (null stands for none). */
export function higherSpaceRole(a: SpaceRole | null, b: SpaceRole | null): SpaceRole | null {
  return spaceRoleRank(a) >= spaceRoleRank(b) ? a : b;
}
