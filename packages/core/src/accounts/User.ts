export const roles = ['admin', 'member', 'guest'] as const;

/** Workspace role: admins manage people and settings, members edit, guests read what is shared. */
export type Role = (typeof roles)[number];

export interface User {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  /** `#rrggbb`, used for the user's avatar, caret and presence. */
  readonly color: string;
  readonly role: Role;
  readonly createdAt: number;
}

/** A user as stored, with the password hash that never leaves the accounts service. */
export interface StoredUser extends User {
  readonly passwordHash: string;
  readonly disabledAt: number | null;
}
