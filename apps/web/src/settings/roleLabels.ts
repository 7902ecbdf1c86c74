import type { UserRole } from '@lore/api';

/** How each role is named in the interface. */
export const roleLabels: Readonly<Record<UserRole, string>> = {
  admin: 'Administrator',
  member: 'Member',
  guest: 'Guest',
};

/** The roles as choices of a drop-down, the usual one first. */
export const roleOptions: readonly { value: UserRole; label: string }[] = (
  ['member', 'admin', 'guest'] as const
).map((role) => ({ value: role, label: roleLabels[role] }));
