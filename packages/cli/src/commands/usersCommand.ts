import { parseArgs } from 'node:util';
import { DomainError, type Role, roles } from '@lore/core';
import type { LoreRuntime } from '@lore/server';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';
import { finish, openRuntime } from './openRuntime';
import { usersCreate } from './usersCreate';

export const usersUsage = `Usage: lore users <action> [arguments]

Manages accounts in the Lore database (LORE_DATA_DIR, default ./data).
  list                     every account with its role and whether it is disabled
  create                   add a user (lore users create --help)
  disable <email>          the account can no longer sign in; its sessions end at once
  enable <email>           let a disabled account sign in again
  role <email> <role>      change the role: ${roles.join(', ')}
  reset-password <email>   print a one-time link with which the person chooses a new password
                           (LORE_PUBLIC_URL sets its origin; otherwise only the path is printed)

The last enabled admin can be neither disabled nor demoted.`;

/** `lore users …`: the operator's way to manage people without the web app. */
export async function usersCommand(args: string[], io: CommandIo): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'create') return usersCreate(rest, io);
  if (action === undefined || action === 'help' || action === '--help' || action === '-h') {
    io.out(usersUsage);
    return;
  }
  const { positionals } = parseArgs({ args: rest, strict: true, allowPositionals: true });
  const wanted: Record<string, number> = {
    list: 0,
    disable: 1,
    enable: 1,
    role: 2,
    'reset-password': 1,
  };
  const count = wanted[action];
  if (count === undefined) throw new CliError(`Unknown action: users ${action}\n\n${usersUsage}`);
  if (positionals.length !== count) {
    throw new CliError(
      `lore users ${action} takes ${count === 0 ? 'no' : count} argument(s).\n\n${usersUsage}`,
    );
  }
  const [email = '', role = ''] = positionals;
  if (action === 'role' && !(roles as readonly string[]).includes(role)) {
    throw new CliError(`The role must be one of ${roles.join(', ')}.`);
  }
  const runtime = await openRuntime(io);
  try {
    runAction(runtime, io, action, email, role as Role);
  } catch (error) {
    if (error instanceof DomainError) throw new CliError(error.message);
    throw error;
  } finally {
    await finish(runtime);
  }
}

function runAction(
  runtime: LoreRuntime,
  io: CommandIo,
  action: string,
  email: string,
  role: Role,
): void {
  const accounts = runtime.services.accounts;
  if (action === 'list') {
    const users = accounts.listUsers(null);
    if (users.length === 0) io.out('No users yet.');
    for (const user of users) {
      const state = user.disabledAt === null ? '' : '  (disabled)';
      io.out(`${user.email}  ${user.role}  ${user.displayName}${state}`);
    }
    return;
  }
  const account = accounts.findAccount(null, email);
  if (action === 'disable' || action === 'enable') {
    accounts.updateAccount(null, account.id, { disabled: action === 'disable' });
    io.out(`${action === 'disable' ? 'Disabled' : 'Enabled'} ${account.email}.`);
  } else if (action === 'role') {
    accounts.updateAccount(null, account.id, { role });
    io.out(`${account.email} is now ${role}.`);
  } else {
    const link = accounts.createPasswordReset(null, account.id);
    const origin = runtime.config.publicUrl?.origin ?? '';
    io.out(
      `One-time password reset link for ${account.email}, valid until ${new Date(link.expiresAt).toISOString()}:`,
    );
    io.out(`${origin}/reset-password/${encodeURIComponent(link.secret)}`);
  }
}
