import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewUser } from '@lore/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../openDatabase';
import { SqliteAccountStore } from './SqliteAccountStore';

let dir: string;
let db: Db;
let store: SqliteAccountStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lore-accounts-'));
  db = openDatabase({ path: join(dir, 'lore.db') });
  store = new SqliteAccountStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const user = (id: string, email: string): NewUser => ({
  id,
  email,
  displayName: id,
  color: '#1f6feb',
  role: 'member',
  passwordHash: 'scrypt$x',
  createdAt: 1,
});

describe('SqliteAccountStore', () => {
  it('keeps emails unique regardless of case', () => {
    expect(store.insertUser(user('a', 'a@example.com'))).toBe(true);
    expect(store.insertUser(user('b', 'A@EXAMPLE.com'))).toBe(false);
    expect(store.findUserByEmail('a@EXAMPLE.COM')?.id).toBe('a');
    expect(store.countUsers()).toBe(1);
  });

  it('inserts a first user only while there is none', () => {
    expect(store.insertFirstUser(user('a', 'a@example.com'))).toBe(true);
    expect(store.insertFirstUser(user('b', 'b@example.com'))).toBe(false);
    expect(store.listUsers().map((u) => u.id)).toEqual(['a']);
  });

  it('deletes sessions and tokens with their user, and expires sessions by time', () => {
    store.insertUser(user('a', 'a@example.com'));
    store.insertSession({ idHash: 'h1', userId: 'a', createdAt: 1, lastSeenAt: 1, expiresAt: 10 });
    store.insertSession({ idHash: 'h2', userId: 'a', createdAt: 1, lastSeenAt: 1, expiresAt: 100 });
    expect(store.deleteExpiredSessions(50)).toBe(1);
    expect(store.findSession('h1')).toBeNull();
    expect(store.findSession('h2')?.userId).toBe('a');
    store.insertToken({
      id: 't',
      userId: 'a',
      name: 'n',
      tokenHash: 'th',
      createdAt: 1,
      lastUsedAt: null,
      revokedAt: null,
    });
    db.prepare('DELETE FROM users WHERE id = ?').run('a');
    expect(store.findSession('h2')).toBeNull();
    expect(store.findTokenByHash('th')).toBeNull();
  });

  it("revokes only the owner's active token", () => {
    store.insertUser(user('a', 'a@example.com'));
    store.insertUser(user('b', 'b@example.com'));
    store.insertToken({
      id: 't',
      userId: 'a',
      name: 'n',
      tokenHash: 'th',
      createdAt: 1,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(store.revokeToken('b', 't', 5)).toBe(false);
    expect(store.revokeToken('a', 't', 5)).toBe(true);
    expect(store.revokeToken('a', 't', 6)).toBe(false);
    expect(store.findTokenByHash('th')?.revokedAt).toBe(5);
    expect(store.listTokens('a')).toEqual([]);
  });
});
