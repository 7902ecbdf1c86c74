import { parseArgs } from 'node:util';
import { DomainError, roles } from '@lore/core';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';
import { finish, openRuntime } from './openRuntime';

export const usersCreateUsage = `Usage: lore users create --email EMAIL --password PASSWORD [--name NAME] [--admin | --role ROLE]

Creates a user in the Lore database (LORE_DATA_DIR, default ./data).
  --email      the user's email (login)
  --password   at least 10 characters
  --name       display name (default: the part of the email before @)
  --admin      make the user an admin (same as --role admin)
  --role       admin, member (default) or guest`;

/** `lore users create`: the operator's way to add people without the web app. */
export async function usersCreate(args: string[], io: CommandIo): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean', default: false },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(usersCreateUsage);
    return;
  }
  if (!values.email || !values.password) {
    throw new CliError(`--email and --password are required.\n\n${usersCreateUsage}`);
  }
  const role = values.admin ? 'admin' : (values.role ?? 'member');
  if (!(roles as readonly string[]).includes(role)) {
    throw new CliError(`--role must be one of ${roles.join(', ')}.`);
  }
  const runtime = await openRuntime(io);
  try {
    const user = await runtime.services.accounts.createUser(null, {
      email: values.email,
      password: values.password,
      displayName: values.name ?? values.email.split('@')[0] ?? values.email,
      role: role as (typeof roles)[number],
    });
    io.out(`Created ${user.role} ${user.displayName} <${user.email}> (${user.id}).`);
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(error.message);
    throw error;
  } finally {
    await finish(runtime);
  }
}
