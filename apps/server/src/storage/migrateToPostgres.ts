import { existsSync } from 'node:fs';
import { migratePostgres, PostgresDatabase } from '@lore/store-postgres';
import { openDatabase } from '@lore/store-sqlite';
import type { Config } from '../config';
import { reindexSearch } from '../search/reindexSearch';
import { type CopiedTable, CopyRefusedError, copySqliteToPostgres } from './copySqliteToPostgres';

/** Tables of the PostgreSQL search index: derived from the pages, rebuilt after the copy. */
const searchIndexTables = ['search_index_documents', 'search_index_terms', 'search_index_spaces'];

/** PostgreSQL bookkeeping with no SQLite table, computed from the SQLite install. */
const derived = {
  // The last sequence number of each document: its log or, once compacted, its snapshot.
  document_heads: `SELECT doc_id, max(seq) AS last_seq FROM (
      SELECT doc_id, seq FROM document_updates
      UNION ALL SELECT doc_id, up_to_seq AS seq FROM document_snapshots)
    GROUP BY doc_id`,
  // The last event number handed out, which retention may have removed from the log.
  domain_event_log: `SELECT 1 AS only_row, coalesce(
      (SELECT seq FROM sqlite_sequence WHERE name = 'domain_events'),
      (SELECT max(seq) FROM domain_events), 0) AS pruned_through`,
};

export interface MigrateToPostgresOptions {
  /** The target, `postgresql://…`; must hold no Lore rows yet. */
  readonly url: string;
  readonly onCopy?: (done: number, total: number, table: string) => void;
  readonly onIndex?: (done: number, total: number) => void;
}

export interface MigrationReport {
  readonly tables: readonly CopiedTable[];
  readonly rows: number;
  readonly pagesIndexed: number;
  readonly seconds: number;
}

/**
 * `lore migrate --to postgres`: copies the SQLite install of `config` into an empty PostgreSQL
 * database (schema created first), verified table by table, then builds the PostgreSQL search
 * index from the copied pages. The SQLite file is only read, from one consistent snapshot.
 */
export async function migrateToPostgres(
  config: Config,
  options: MigrateToPostgresOptions,
): Promise<MigrationReport> {
  if (!existsSync(config.databasePath)) {
    throw new CopyRefusedError(
      `There is no Lore database at ${config.databasePath} (set LORE_DATA_DIR to the install's data folder).`,
    );
  }
  const started = performance.now();
  const source = openDatabase({ path: config.databasePath });
  const target = new PostgresDatabase({ url: options.url, applicationName: 'lore migrate' });
  let tables: CopiedTable[];
  try {
    migratePostgres(target);
    // One read transaction: every table is copied as of the same moment.
    tables = source.transaction(() =>
      copySqliteToPostgres(source, target, {
        skip: searchIndexTables,
        derived,
        ...(options.onCopy ? { onProgress: options.onCopy } : {}),
      }),
    )();
  } finally {
    source.close();
    await target.close();
  }
  const postgres: Config = {
    ...config,
    store: { engine: 'postgres', url: options.url },
    search: { engine: 'postgres' },
  };
  const indexed = await reindexSearch(postgres, {
    search: postgres.search,
    ...(options.onIndex ? { onProgress: options.onIndex } : {}),
  });
  return {
    tables,
    rows: tables.reduce((sum, table) => sum + table.rows, 0),
    pagesIndexed: indexed.pages,
    seconds: (performance.now() - started) / 1000,
  };
}
