import { ConfigError } from '@lore/server';
import { CliError } from './CliError';
import { auditCommand } from './commands/auditCommand';
import type { CommandIo } from './commands/CommandIo';
import { doctor } from './commands/doctor';
import { eventsCommand } from './commands/eventsCommand';
import { exportCommand } from './commands/exportCommand';
import { importCommand } from './commands/importCommand';
import { migrateCommand } from './commands/migrateCommand';
import { reindex } from './commands/reindex';
import { serve } from './commands/serve';
import { setupCodeCommand } from './commands/setupCodeCommand';
import { spacesCommand } from './commands/spacesCommand';
import { usersCommand } from './commands/usersCommand';

export const usage = `Lore, the team wiki.

Usage: lore <command> [options]

Commands:
  serve                 start the wiki (PORT, LORE_DATA_DIR, … see docs/configuration.md)
  users create          add a user: --email E --password P [--name N] [--admin | --role R]
  users list            every account, its role and whether it is disabled
  users disable|enable <email>
  users role <email> <role>
  users reset-password <email>   print a one-time link to choose a new password
  spaces list           every space, open or private
  spaces create <name>  a new space: [--private] [--slug S] [--default-role R]
  spaces members <space> [add <email|group:NAME> <role> | remove <email|group:NAME>]
  setup-code            print the first-run setup code again (until the first admin exists)
  reindex               rebuild the search index from every page, with a progress bar
  migrate --to postgres copy this SQLite install into an empty PostgreSQL database, verified
  import <folder>       import a folder of Markdown into a space: --space SLUG [--parent ID]
  export                write a space or page tree to a zip: --space SLUG --out FILE.zip
  doctor                check stored pages against the page limits; --repair fixes them
  events                the event outbox: consumers, dead letters, replay
  audit                 the audit log: --since 7d --actor EMAIL --action PREFIX --format table|csv|json

Run \`lore <command> --help\` for a command's options.`;

/** Runs one CLI invocation; resolves to the process exit code. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.out(usage);
      return 0;
    }
    if (command === 'serve') {
      await serve(io);
      return 0;
    }
    if (command === 'reindex') {
      await reindex(rest, io);
      return 0;
    }
    if (command === 'migrate') {
      await migrateCommand(rest, io);
      return 0;
    }
    if (command === 'import') {
      await importCommand(rest, io);
      return 0;
    }
    if (command === 'export') {
      await exportCommand(rest, io);
      return 0;
    }
    if (command === 'events') {
      await eventsCommand(rest, io);
      return 0;
    }
    if (command === 'audit') {
      await auditCommand(rest, io);
      return 0;
    }
    if (command === 'doctor') {
      await doctor(rest, io);
      return 0;
    }
    if (command === 'users') {
      await usersCommand(rest, io);
      return 0;
    }
    if (command === 'spaces') {
      await spacesCommand(rest, io);
      return 0;
    }
    if (command === 'setup-code') {
      await setupCodeCommand(io);
      return 0;
    }
    throw new CliError(`Unknown command: ${argv.join(' ')}\n\n${usage}`);
  } catch (error) {
    if (error instanceof CliError || error instanceof ConfigError) {
      io.err(error.message);
      return error instanceof CliError ? error.exitCode : 2;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`${error.message}\nRun \`lore ${command ?? ''} --help\`.`);
      return 2;
    }
    throw error;
  }
}
