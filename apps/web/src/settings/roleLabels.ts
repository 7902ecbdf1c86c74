import type { UserRole } from '@lore/api';

/** How each role is named in the interface. */
export const roleLabels: Readonly<Record<UserRole, string>> = {
  admin: 'Administrator',
  member: 'Member',
  guest: 'Guest',
};
