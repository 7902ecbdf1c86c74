import { parseArgs } from 'node:util';
import { AccountService, DomainError, roles, systemClock } from '@lore/core';
import { loadConfig } from '@lore/server';
import { openDatabase, SqliteAccountStore } from '@lore/store-sqlite';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';

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
  const config = loadConfig(io.env);
  const db = openDatabase({ path: config.databasePath, synchronous: config.sqliteSynchronous });
  try {
    const accounts = new AccountService({
      store: new SqliteAccountStore(db),
      clock: systemClock,
      sessionTtlMs: config.sessionTtlMs,
    });
    const user = await accounts.createUser(null, {
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
    db.close();
  }
}
