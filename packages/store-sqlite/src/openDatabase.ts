import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';

/** `NORMAL` survives a process crash; `FULL` also survives power loss (see docs/configuration.md). */
export type SynchronousMode = 'NORMAL' | 'FULL';

export interface OpenDatabaseOptions {
  /** Path of the SQLite file; its folder is created when missing. `:memory:` is refused. */
  readonly path: string;
  readonly synchronous?: SynchronousMode;
  /** How long a writer waits for a lock held by another connection, in milliseconds. */
  readonly busyTimeoutMs?: number;
}

export type Db = Database.Database;

const walSizeLimitBytes = 64 * 1024 * 1024;

/**
 * Opens (creating when needed) the Lore database: WAL journal, foreign keys on, a busy timeout,
 * the chosen `synchronous` level, then every pending migration in one transaction. Each PRAGMA is
 * read back and asserted, so a build of SQLite that silently ignores one fails at start, not later.
 */
export function openDatabase(options: OpenDatabaseOptions): Db {
  if (options.path === ':memory:' || options.path === '') {
    throw new Error('Lore needs a database file; in-memory databases cannot use WAL.');
  }
  mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  try {
    const synchronous = options.synchronous ?? 'NORMAL';
    const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
    // Incremental auto-vacuum can only be chosen before the first table exists: new databases
    // get it, so space freed by log compaction can be handed back (see reclaimFreePages).
    if (db.pragma('page_count', { simple: true }) === 0) db.pragma('auto_vacuum = INCREMENTAL');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    db.pragma(`synchronous = ${synchronous}`);
    // After a checkpoint the WAL file is truncated to this size instead of keeping its peak.
    db.pragma(`journal_size_limit = ${walSizeLimitBytes}`);
    assertPragma(db, 'journal_mode', 'wal');
    assertPragma(db, 'foreign_keys', 1);
    assertPragma(db, 'busy_timeout', Math.trunc(busyTimeoutMs));
    assertPragma(db, 'synchronous', synchronous === 'FULL' ? 2 : 1);
    assertPragma(db, 'journal_size_limit', walSizeLimitBytes);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function assertPragma(db: Db, name: string, expected: string | number): void {
  const actual = db.pragma(name, { simple: true });
  if (actual !== expected) {
    throw new Error(`SQLite PRAGMA ${name} is ${String(actual)}, expected ${String(expected)}.`);
  }
}
