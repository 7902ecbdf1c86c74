import type { User as UserJson } from '@lore/api';
import type { User } from '@lore/core';

/** The public JSON shape of a user. */
export function presentUser(user: User): UserJson {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    color: user.color,
    role: user.role,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}
