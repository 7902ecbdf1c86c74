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

/** A user as an admin sees them in the people list: with whether they can sign in. */
export interface UserAccount extends User {
  readonly disabledAt: number | null;
}

/** A user as stored, with the password hash that never leaves the accounts service. */
export interface StoredUser extends UserAccount {
  readonly passwordHash: string;
  /**
   * Set when an admin deleted the account. The row stays as a tombstone (named "Former user",
   * without email or password) so pages, revisions and comments keep pointing at someone.
   */
  readonly deletedAt: number | null;
}

/** The name every place shows for a deleted account. */
export const formerUserName = 'Former user';
/** The neutral color of a deleted account. */
export const formerUserColor = '#6e7781';
