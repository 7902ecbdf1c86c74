import { parseArgs } from 'node:util';
import { StoreUnavailableError } from '@lore/core';
import { CopyRefusedError, loadConfig, migrateToPostgres } from '@lore/server';
import { CliError } from '../CliError';
import type { CommandIo } from './CommandIo';
import { ProgressBar, type ProgressOutput } from './ProgressBar';

export const migrateUsage = `Usage: lore migrate --to postgres [--database-url URL]

Copies this SQLite install (LORE_DATA_DIR, default ./data) into an empty PostgreSQL database:
accounts, spaces, pages, documents, revisions, attachments' metadata, access rules, shares, comments,
events, audit and search data. Each table is verified by row count and a digest of its rows;
any difference leaves the target empty. The PostgreSQL search index is then built from the
copied pages. Stop the wiki first: changes made during the copy are not copied.

The target is --database-url or LORE_DATABASE_URL. Attachment files stay where they are: point
LORE_ATTACHMENTS_DIR of every process at that folder (see docs/scaling.md).`;

const stderr: ProgressOutput = {
  isTTY: process.stderr.isTTY === true,
  write: (text) => process.stderr.write(text),
};

/** `lore migrate --to postgres`: an SQLite install copied into PostgreSQL, with progress bars. */
export async function migrateCommand(
  args: string[],
  io: CommandIo,
  progress: ProgressOutput = stderr,
): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      to: { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(migrateUsage);
    return;
  }
  if (values.to !== 'postgres') {
    throw new CliError(
      `lore migrate copies into PostgreSQL: use --to postgres.\n\n${migrateUsage}`,
    );
  }
  const url = values['database-url'] ?? io.env.LORE_DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new CliError('Give the target as --database-url postgresql://… or LORE_DATABASE_URL.');
  }
  // The source is the SQLite install, whatever LORE_STORE says for the running wiki.
  const config = loadConfig({ ...io.env, LORE_STORE: 'sqlite', LORE_SEARCH: 'fts5' });
  const copying = new ProgressBar(progress, 'Copying rows');
  const indexing = new ProgressBar(progress, 'Indexing pages');
  try {
    const report = await migrateToPostgres(config, {
      url,
      onCopy: (done, total) => copying.update(done, total),
      onIndex: (done, total) => {
        copying.finish();
        indexing.update(done, total);
      },
    });
    copying.finish();
    indexing.finish();
    for (const table of report.tables) {
      io.out(`  ${table.table.padEnd(28)} ${String(table.rows).padStart(9)} rows  ${table.digest}`);
    }
    io.out(
      `Copied ${report.rows} rows in ${report.tables.length} tables, verified, and indexed ${report.pagesIndexed} pages in ${report.seconds.toFixed(1)} s.`,
    );
    io.out('Start Lore with LORE_STORE=postgres and LORE_DATABASE_URL to use it.');
  } catch (error) {
    if (error instanceof CopyRefusedError) throw new CliError(error.message);
    if (error instanceof StoreUnavailableError) {
      throw new CliError(
        'Cannot reach the PostgreSQL database at that address; nothing was copied.',
      );
    }
    throw error;
  } finally {
    copying.finish();
    indexing.finish();
  }
}
