import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate } from './migrate';
import { openDatabase } from './openDatabase';

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
