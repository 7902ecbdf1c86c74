import type { SpaceRole, SpaceVisibility } from '@lore/api';

/** The space roles, lowest first, as the server ranks them. */
export const spaceRoleOrder: readonly SpaceRole[] = ['viewer', 'commenter', 'editor', 'admin'];

/** How each space role is named in the interface. */
export const spaceRoleLabels: Readonly<Record<SpaceRole, string>> = {
  viewer: 'Viewer',
  commenter: 'Commenter',
  editor: 'Editor',
  admin: 'Space admin',
};

/** What each space role may do, in one line. */
export const spaceRoleDescriptions: Readonly<Record<SpaceRole, string>> = {
  viewer: 'Reads pages, their history and attachments.',
  commenter: 'Reads and comments.',
  editor: 'Creates, edits, moves and trashes pages.',
  admin: 'Edits, and manages the space’s settings and members.',
};

/** Open or private, with the sentence that explains each. */
export const visibilityLabels: Readonly<
  Record<SpaceVisibility, { label: string; description: string }>
> = {
  open: {
    label: 'Open',
    description:
      'Everyone in the workspace (except guests) can find and read it, with the default role below.',
  },
  private: {
    label: 'Private',
    description:
      'Only its members see it. To everyone else it does not exist: not listed, not in search.',
  },
};

/** True when `role` is at least `floor`. */
export function hasSpaceRole(role: SpaceRole, floor: SpaceRole): boolean {
  return spaceRoleOrder.indexOf(role) >= spaceRoleOrder.indexOf(floor);
}

/**
 * Why `role` cannot be granted by someone holding `ownRole` to this member, or null when it
 * can: nobody grants more than they hold, and guests are at most editors.
 */
export function roleGrantRefusal(
  role: SpaceRole,
  ownRole: SpaceRole,
  memberIsGuest: boolean,
): string | null {
  if (!hasSpaceRole(ownRole, role)) return 'higher than your own role';
  if (memberIsGuest && role === 'admin') return 'guests can be editors at most';
  return null;
}
