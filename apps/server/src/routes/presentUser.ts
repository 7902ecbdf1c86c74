import type { User as UserJson } from '@lore/api';
import type { User, UserAccount } from '@lore/core';

/** The public JSON shape of a user. */
export function presentUser(user: User | UserAccount): UserJson {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    color: user.color,
    role: user.role,
    createdAt: new Date(user.createdAt).toISOString(),
    disabled: 'disabledAt' in user && user.disabledAt !== null,
  };
}
