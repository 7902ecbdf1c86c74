import type { AccountService, TokenScope, User } from '@lore/core';

/** An API token for a person, created the way they would: from a signed-in session. */
export function apiTokenFor(
  accounts: AccountService,
  user: User,
  name: string,
  scope: TokenScope = 'write',
): { readonly id: string; readonly secret: string } {
  const auth = accounts.authenticateSession(accounts.startSession(user));
  if (!auth) throw new Error(`${user.email} cannot sign in`);
  const { token, secret } = accounts.createToken(auth, { name, scope });
  return { id: token.id, secret };
}
