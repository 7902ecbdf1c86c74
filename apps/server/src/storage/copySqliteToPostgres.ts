import { createHash } from 'node:crypto';
import type { PostgresDatabase, SqlValue } from '@lore/store-postgres';
import type { Db } from '@lore/store-sqlite';

/** One table copied, with what proves the copy. */
export interface CopiedTable {
  readonly table: string;
  readonly rows: number;
  /** Order-independent digest of the rows, the same on both sides. */
  readonly digest: string;
}

export type CopyProgress = (done: number, total: number, table: string) => void;

export interface CopyOptions {
  /** Tables whose contents are derived and rebuilt afterwards (the search index). */
  readonly skip?: readonly string[];
  /**
   * PostgreSQL tables with no SQLite twin, filled from a query of the SQLite database that
   * yields their columns (e.g. the per-document head row of the update log).
   */
  readonly derived?: Readonly<Record<string, string>>;
  readonly onProgress?: CopyProgress;
  /** Rows per INSERT statement. */
  readonly batchRows?: number;
}

/** The copy was refused or did not verify; nothing was written (it runs in one transaction). */
export class CopyRefusedError extends Error {}

interface PgColumn {
  readonly name: string;
  /** `information_schema.columns.data_type`. */
  readonly type: string;
  readonly identity: boolean;
  readonly generated: boolean;
}

const bookkeeping = new Set(['lore_schema']);

/** Tables any install has rows in; rows here mean the target already holds a wiki. */
const installTables = ['users', 'spaces', 'pages', 'document_updates', 'domain_events'];

/**
 * Copies every row of an SQLite install into an empty, migrated PostgreSQL database, table by
 * table in foreign-key order, in ONE transaction, converting what the engines store differently
 * (0/1 flags to booleans, JSON text to JSONB or arrays). Each table is then read back from
 * PostgreSQL and compared with the source by row count and an order-independent digest of the
 * rows; any difference rolls everything back. Refuses a target that already holds rows.
 */
export function copySqliteToPostgres(
  source: Db,
  target: PostgresDatabase,
  options: CopyOptions = {},
): CopiedTable[] {
  const skip = new Set(options.skip ?? []);
  const batchRows = options.batchRows ?? 500;
  const sourceTables = new Set(
    source
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      )
      .all()
      .map((row) => row.name),
  );
  const derived = options.derived ?? {};
  const sourceOf = (table: string) =>
    derived[table] !== undefined ? `(${derived[table]}) AS derived` : quote(table);
  const tables = tablesInDependencyOrder(target).filter(
    (table) =>
      !bookkeeping.has(table) &&
      !skip.has(table) &&
      (sourceTables.has(table) || derived[table] !== undefined),
  );
  return target.transaction(() => {
    const hasRows = (table: string) =>
      target.one(`SELECT 1 AS found FROM ${quote(table)} LIMIT 1`) !== null;
    const filled = installTables.filter((table) => tables.includes(table) && hasRows(table));
    if (filled.length > 0) {
      throw new CopyRefusedError(
        `The PostgreSQL database is not empty (${filled.slice(0, 5).join(', ')}${
          filled.length > 5 ? ', …' : ''
        } hold rows). Lore copies only into an empty database.`,
      );
    }
    const plans = tables.map((table) => {
      const columns = columnsOf(target, table).filter(
        (column) =>
          !column.generated &&
          (derived[table] !== undefined || hasColumn(source, table, column.name)),
      );
      const count = (
        source.prepare(`SELECT count(*) AS n FROM ${sourceOf(table)}`).get() as { n: number }
      ).n;
      return { table, columns, count };
    });
    const total = plans.reduce((sum, plan) => sum + plan.count, 0);
    let done = 0;
    const copied: CopiedTable[] = [];
    for (const { table, columns, count } of plans) {
      // Rows the migrations seed (counters and the like) are replaced by the install's own.
      if (hasRows(table)) target.run(`DELETE FROM ${quote(table)}`);
      // User triggers (such as the search queue's) would add rows the copy brings anyway.
      target.exec(`ALTER TABLE ${quote(table)} DISABLE TRIGGER USER`);
      const names = columns.map((column) => quote(column.name)).join(', ');
      const overriding = columns.some((column) => column.identity)
        ? ' OVERRIDING SYSTEM VALUE'
        : '';
      const sourceDigest = new RowDigest();
      let batch: SqlValue[][] = [];
      const flush = () => {
        if (batch.length === 0) return;
        const params: SqlValue[] = [];
        const tuples = batch.map((row) => {
          const slots = row.map((value) => {
            params.push(value);
            return `$${params.length}`;
          });
          return `(${slots.join(', ')})`;
        });
        target.run(
          `INSERT INTO ${quote(table)} (${names})${overriding} VALUES ${tuples.join(', ')}`,
          params,
        );
        done += batch.length;
        options.onProgress?.(done, total, table);
        batch = [];
      };
      const perStatement = Math.max(1, Math.min(batchRows, Math.floor(30_000 / columns.length)));
      const rows = source
        .prepare(`SELECT ${names} FROM ${sourceOf(table)}`)
        .raw()
        .iterate() as IterableIterator<unknown[]>;
      for (const row of rows) {
        const values = columns.map((column, index) => toPostgres(row[index], column));
        sourceDigest.add(values.map((value, index) => canonical(value, columns[index])));
        batch.push(values);
        if (batch.length >= perStatement) flush();
      }
      flush();
      target.exec(`ALTER TABLE ${quote(table)} ENABLE TRIGGER USER`);
      // Numbers never handed out again: past the copied rows and past SQLite's own counter
      // (AUTOINCREMENT remembers numbers of rows since deleted).
      const handedOut = sqliteSequence(source, table);
      for (const column of columns.filter((candidate) => candidate.identity)) {
        target.query(
          `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(1, $3::bigint, (SELECT max(${quote(
            column.name,
          )}) FROM ${quote(table)})))`,
          [table, column.name, handedOut],
        );
      }
      const targetDigest = new RowDigest();
      let copiedRows = 0;
      for (const row of target.query(`SELECT ${names} FROM ${quote(table)}`)) {
        copiedRows += 1;
        targetDigest.add(columns.map((column) => canonical(row[column.name], column)));
      }
      if (copiedRows !== count || targetDigest.value !== sourceDigest.value) {
        throw new CopyRefusedError(
          `Verification failed for ${table}: ${count} rows and digest ${sourceDigest.value} in SQLite, ${copiedRows} rows and digest ${targetDigest.value} in PostgreSQL. Nothing was written.`,
        );
      }
      copied.push({ table, rows: count, digest: sourceDigest.value });
    }
    return copied;
  });
}

/** The tables of the public schema, each after every table it references. */
function tablesInDependencyOrder(db: PostgresDatabase): string[] {
  const tables = db
    .query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
    .map((row) => row.name);
  const references = db.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of references) {
    if (child === parent) continue;
    const set = parents.get(unquote(child)) ?? new Set<string>();
    set.add(unquote(parent));
    parents.set(unquote(child), set);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    path.delete(table);
    placed.add(table);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

function columnsOf(db: PostgresDatabase, table: string): PgColumn[] {
  return db
    .query<{ name: string; type: string; is_identity: string; is_generated: string }>(
      `SELECT column_name AS name, data_type AS type, is_identity, is_generated
       FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )
    .map((row) => ({
      name: row.name,
      type: row.type,
      identity: row.is_identity === 'YES',
      generated: row.is_generated === 'ALWAYS',
    }));
}

function sqliteSequence(db: Db, table: string): number {
  const known = db
    .prepare(`SELECT 1 AS found FROM sqlite_schema WHERE name = 'sqlite_sequence'`)
    .get();
  if (!known) return 0;
  const row = db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as
    | { seq: number }
    | undefined;
  return row?.seq ?? 0;
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (
    db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]
  ).some((row) => row.name === column);
}

function toPostgres(value: unknown, column: PgColumn): SqlValue {
  if (value === null || value === undefined) return null;
  if (column.type === 'boolean') return value !== 0 && value !== '0' && value !== false;
  if (column.type === 'ARRAY' && typeof value === 'string') {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
  }
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

/** A value as text that reads the same from either engine. */
function canonical(value: unknown, column: PgColumn | undefined): string {
  if (value === null || value === undefined) return '\u0000null';
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    return `b:${Buffer.from(value).toString('hex')}`;
  }
  if (column && (column.type === 'json' || column.type === 'jsonb')) {
    return `j:${JSON.stringify(sortKeys(typeof value === 'string' ? JSON.parse(value) : value))}`;
  }
  if (Array.isArray(value)) return `a:${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `${typeof value}:${String(value)}`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sortKeys(inner)]),
    );
  }
  return value;
}

/** Sum of per-row SHA-256 prefixes modulo 2^64: the same whatever order rows come in. */
class RowDigest {
  #sum = 0n;

  add(values: readonly string[]): void {
    const hash = createHash('sha256').update(values.join('\u0001')).digest();
    this.#sum = (this.#sum + hash.readBigUInt64BE(0)) & 0xffff_ffff_ffff_ffffn;
  }

  get value(): string {
    return this.#sum.toString(16).padStart(16, '0');
  }
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function unquote(identifier: string): string {
  return identifier.startsWith('"') ? identifier.slice(1, -1).replaceAll('""', '"') : identifier;
}
