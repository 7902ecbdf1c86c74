import { accountStoreContract } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import { advisoryLocks } from '../advisoryLocks';
import { PostgresDatabase } from '../PostgresDatabase';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresAccountStore } from './PostgresAccountStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresAccountStore');

function open() {
  const { db, url } = createTestDatabase();
  return { db, url, store: new PostgresAccountStore(db), close: () => db.close() };
}

accountStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', open);

describe.runIf(available)('PostgresAccountStore', () => {
  const ada = {
    id: 'a',
    email: 'ada@example.com',
    displayName: 'Ada',
    color: '#1f6feb',
    role: 'admin' as const,
    passwordHash: 'scrypt$x',
    createdAt: 1,
  };

  it('deletes sessions, tokens and reset links with their user', async () => {
    const { db, store, close } = open();
    try {
      store.insertUser(ada);
      store.insertSession({ idHash: 'h', userId: 'a', createdAt: 1, lastSeenAt: 1, expiresAt: 9 });
      store.insertToken({
        id: 't',
        userId: 'a',
        name: 'n',
        tokenHash: 'th',
        scope: 'write',
        createdAt: 1,
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      });
      store.insertPasswordReset({
        id: 'r',
        tokenHash: 'rh',
        userId: 'a',
        createdBy: null,
        createdAt: 1,
        expiresAt: 9,
        usedAt: null,
      });
      db.run(`DELETE FROM users WHERE id = 'a'`);
      expect(store.findSession('h')).toBeNull();
      expect(store.findTokenByHash('th')).toBeNull();
      expect(store.findPasswordResetByHash('rh')).toBeNull();
    } finally {
      await close();
    }
  });

  it('runs account transactions one at a time across connections', async () => {
    const first = open();
    const second = new PostgresDatabase({ url: first.url });
    const lockFree = () =>
      second.one<{ free: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS free', [
        advisoryLocks.accounts,
      ])?.free;
    try {
      expect(lockFree()).toBe(true);
      // Another process's account transaction (or first-user insert) would wait here.
      const inside = first.store.transaction(() => lockFree());
      expect(inside).toBe(false);
      expect(first.store.insertFirstUser(ada)).toBe(true);
      expect(lockFree()).toBe(true);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('looks emails up through the unique index', async () => {
    const { db, close } = open();
    try {
      const plan = db.transaction(() => {
        // An empty table is cheapest to scan; ask which index the planner would take.
        db.run('SET LOCAL enable_seqscan = off');
        return db
          .query<{ 'QUERY PLAN': string }>(
            `EXPLAIN SELECT * FROM users WHERE lower(email COLLATE "C") = lower($1::text COLLATE "C")`,
            ['A@example.com'],
          )
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      });
      expect(plan).toMatch(/Index Scan using users_email_key/);
    } finally {
      await close();
    }
  });
});
