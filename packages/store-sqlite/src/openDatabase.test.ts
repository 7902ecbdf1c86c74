import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from './migrate';
import { openDatabase } from './openDatabase';
import { reclaimFreePages } from './reclaimFreePages';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates the folder and file, sets WAL, foreign keys, busy timeout and synchronous', () => {
    const path = join(tempDir(), 'nested', 'lore.db');
    const db = openDatabase({ path, synchronous: 'FULL', busyTimeoutMs: 1234 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
    const normal = openDatabase({ path });
    expect(normal.pragma('synchronous', { simple: true })).toBe(1);
    normal.close();
  });

  it('applies every migration once and records the version', () => {
    const path = join(tempDir(), 'lore.db');
    const latest = listMigrations().at(-1)?.version ?? 0;
    openDatabase({ path }).close();
    const db = openDatabase({ path });
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['users', 'sessions', 'api_tokens']));
    db.close();
  });

  it('refuses a database from a newer Lore', () => {
    const path = join(tempDir(), 'lore.db');
    openDatabase({ path }).close();
    const raw = new Database(path);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openDatabase({ path })).toThrow(/newer than this Lore/);
  });

  it('refuses in-memory databases, which cannot use WAL', () => {
    expect(() => openDatabase({ path: ':memory:' })).toThrow(/database file/);
  });
});

describe('migrate', () => {
  it('rolls back every pending migration when one fails, leaving the database as it was', () => {
    const dir = tempDir();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '0001_one.sql'), 'CREATE TABLE one (id INTEGER PRIMARY KEY);');
    writeFileSync(
      join(migrations, '0002_two.sql'),
      'CREATE TABLE two (id INTEGER PRIMARY KEY); SELECT nope FROM missing;',
    );
    const db = new Database(join(dir, 'x.db'));
    expect(() => migrate(db, listMigrations(`${migrations}/`))).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('rejects gaps in the numbering', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => listMigrations(`${dir}/`)).toThrow(/without gaps/);
  });
});

describe('reclaimFreePages', () => {
  it('hands space freed by deleted rows back to the file system', () => {
    const path = join(tempDir(), 'lore.db');
    const db = openDatabase({ path });
    expect(db.pragma('auto_vacuum', { simple: true })).toBe(2);
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(64 * 1024 * 1024);
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO filler (data) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(16 * 1024, i));
    })();
    const pagesWhenFull = db.pragma('page_count', { simple: true }) as number;
    db.exec('DELETE FROM filler');
    const freeBefore = db.pragma('freelist_count', { simple: true }) as number;
    expect(freeBefore).toBeGreaterThan(500);

    const first = reclaimFreePages(db, 100);
    expect(first).toEqual({ freedPages: 100, freePagesLeft: freeBefore - 100 });
    const rest = reclaimFreePages(db);
    expect(rest.freePagesLeft).toBe(0);
    expect(db.pragma('page_count', { simple: true })).toBeLessThan(pagesWhenFull - 500);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(statSync(path).size).toBeLessThan(pagesWhenFull * 4096 - 500 * 4096);
    db.close();
  });

  it('leaves databases without incremental auto-vacuum alone', () => {
    const path = join(tempDir(), 'old.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE t (data BLOB)');
    raw.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(64 * 1024));
    raw.exec('DELETE FROM t');
    const free = raw.pragma('freelist_count', { simple: true }) as number;
    expect(free).toBeGreaterThan(0);
    expect(reclaimFreePages(raw)).toEqual({ freedPages: 0, freePagesLeft: free });
    raw.close();
  });
});
