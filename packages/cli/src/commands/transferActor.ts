import type { User } from '@lore/core';
import type { LoreRuntime } from '@lore/server';
import { CliError } from '../CliError';

/**
 * Who an import or export from the command line acts as: the user with `--as` email, or the
 * first admin. Pages record them as author.
 */
export function transferActor(runtime: LoreRuntime, email: string | undefined): User {
  const users = runtime.storage.accounts.listUsers();
  const user =
    email === undefined
      ? users.find((candidate) => candidate.role === 'admin')
      : users.find((candidate) => candidate.email.toLowerCase() === email.trim().toLowerCase());
  if (!user) {
    throw new CliError(
      email === undefined
        ? 'There is no admin yet: create one first (lore users create --admin …) or pass --as EMAIL.'
        : `There is no user with the email ${email}.`,
    );
  }
  return user;
}
