import { StoreUnavailableError } from '@lore/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from './PostgresDatabase';
import { PostgresError } from './PostgresError';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from './testing';
import { PostgresServer } from './testing/PostgresServer';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresDatabase');

describe.runIf(available)('PostgresDatabase', () => {
  let db: PostgresDatabase;
  beforeAll(() => {
    db = createTestDatabase().db;
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT, b BYTEA)');
  });
  afterAll(() => db.close());

  it('returns rows synchronously, with BIGINT as numbers and BYTEA as Buffers', () => {
    db.run('INSERT INTO t (id, n, b) VALUES ($1, $2, $3)', [
      'a',
      1_700_000_000_123,
      Buffer.from([1, 2, 3]),
    ]);
    const row = db.one<{ id: string; n: number; b: Buffer }>('SELECT * FROM t WHERE id = $1', [
      'a',
    ]);
    expect(row?.n).toBe(1_700_000_000_123);
    expect(Buffer.isBuffer(row?.b)).toBe(true);
    expect([...(row?.b ?? [])]).toEqual([1, 2, 3]);
  });

  it('rolls a transaction back when its work throws, and nested work back to its savepoint', () => {
    expect(() =>
      db.transaction(() => {
        db.run(`INSERT INTO t (id, n) VALUES ('rolled', 1)`);
        throw new Error('no');
      }),
    ).toThrow('no');
    db.transaction(() => {
      db.run(`INSERT INTO t (id, n) VALUES ('outer', 1)`);
      expect(() =>
        db.transaction(() => {
          db.run(`INSERT INTO t (id, n) VALUES ('inner', 1)`);
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    const ids = db.query<{ id: string }>(
      `SELECT id FROM t WHERE id IN ('rolled', 'outer', 'inner')`,
    );
    expect(ids.map((row) => row.id)).toEqual(['outer']);
  });

  it('reports a refused statement with its SQLSTATE and keeps working', () => {
    let caught: unknown;
    try {
      db.run(`INSERT INTO t (id, n) VALUES ('a', 2)`);
    } catch (error) {
      caught = error;
    }
    expect(PostgresError.isUniqueViolation(caught)).toBe(true);
    expect(db.one<{ n: number }>(`SELECT n FROM t WHERE id = 'a'`)?.n).toBe(1_700_000_000_123);
  });

  it('runs a batch in one round trip and stops at the first failure', () => {
    const results = db.batch([
      { sql: `INSERT INTO t (id, n) VALUES ('b1', 1)` },
      { sql: 'SELECT count(*)::int AS c FROM t' },
    ]);
    expect(results[1]?.rows[0]).toEqual({ c: 3 });
    expect(() =>
      db.batch([{ sql: `INSERT INTO t (id, n) VALUES ('b2', 1)` }, { sql: 'SELECT nope' }]),
    ).toThrow(PostgresError);
  });
});

describe.runIf(available)('PostgresDatabase when the server goes away', () => {
  it('raises StoreUnavailableError while the server is down and reconnects when it is back', async () => {
    const server = await PostgresServer.start();
    if (!server) throw new Error('unreachable');
    const db = new PostgresDatabase({ url: server.url(), connectTimeoutMs: 1000 });
    try {
      db.exec('CREATE TABLE k (n INT)');
      db.run('INSERT INTO k VALUES (1)');
      await server.stopServer('fast');
      expect(() => db.run('INSERT INTO k VALUES (2)')).toThrow(StoreUnavailableError);
      expect(() =>
        db.transaction(() => {
          db.run('INSERT INTO k VALUES (3)');
        }),
      ).toThrow(StoreUnavailableError);
      await server.startServer();
      db.run('INSERT INTO k VALUES (4)');
      expect(db.query<{ n: number }>('SELECT n FROM k ORDER BY n').map((row) => row.n)).toEqual([
        1, 4,
      ]);
    } finally {
      await db.close();
      await server.destroy();
    }
  });
});
