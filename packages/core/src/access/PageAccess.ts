import type { SpaceRole } from './SpaceRole';

/** What someone may do with a page, lowest first. */
export const pageAccessLevels = ['none', 'read', 'comment', 'edit', 'admin'] as const;
export type PageAccess = (typeof pageAccessLevels)[number];

/** A level an action needs. */
export type NeededAccess = Exclude<PageAccess, 'none'>;

export function pageAccessRank(access: PageAccess): number {
  return pageAccessLevels.indexOf(access);
}

/** Whether `access` is at least `needed`. */
export function accessAllows(access: PageAccess, needed: NeededAccess): boolean {
  return pageAccessRank(access) >= pageAccessRank(needed);
}

/** The lower of two levels. */
export function lowerAccess(a: PageAccess, b: PageAccess): PageAccess {
  return pageAccessRank(a) <= pageAccessRank(b) ? a : b;
}

/** What a space role gives on the space's pages before any page restriction. */
export function accessOfSpaceRole(role: SpaceRole | null): PageAccess {
  switch (role) {
    case 'admin':
      return 'admin';
    case 'editor':
      return 'edit';
    case 'commenter':
      return 'comment';
    case 'viewer':
      return 'read';
    default:
      return 'none';
  }
}
