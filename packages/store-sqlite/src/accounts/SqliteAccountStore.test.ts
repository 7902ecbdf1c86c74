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
      scope: 'write',
      createdAt: 1,
      lastUsedAt: null,
      expiresAt: null,
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
      scope: 'write',
      createdAt: 1,
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    expect(store.revokeToken('b', 't', 5)).toBe(false);
    expect(store.revokeToken('a', 't', 5)).toBe(true);
    expect(store.revokeToken('a', 't', 6)).toBe(false);
    expect(store.findTokenByHash('th')?.revokedAt).toBe(5);
    expect(store.listTokens('a')).toEqual([]);
  });

  it('gives tokens made before scopes the write scope and no expiry', () => {
    store.insertUser(user('a', 'a@example.com'));
    db.prepare(
      `INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ('old', 'a', 'n', 'oh', 1)`,
    ).run();
    expect(store.findTokenByHash('oh')).toMatchObject({ scope: 'write', expiresAt: null });
    expect(store.findTokenById('old')?.scope).toBe('write');
  });

  it('changes accounts, counts enabled admins and tombstones deleted ones', () => {
    store.insertUser({ ...user('a', 'a@example.com'), role: 'admin' });
    store.insertUser({ ...user('b', 'b@example.com'), role: 'admin' });
    expect(store.countEnabledAdmins()).toBe(2);
    store.updateUser('b', { disabledAt: 7 }, 7);
    expect(store.countEnabledAdmins()).toBe(1);
    store.updateUser('b', { displayName: 'Bee', color: '#000000' }, 8);
    expect(store.findUserById('b')).toMatchObject({ displayName: 'Bee', disabledAt: 7 });
    store.updateUser('b', { disabledAt: null, role: 'member' }, 9);
    expect(store.findUserById('b')).toMatchObject({ role: 'member', disabledAt: null });
    store.insertSession({ idHash: 's1', userId: 'b', createdAt: 1, lastSeenAt: 1, expiresAt: 99 });
    store.insertSession({ idHash: 's2', userId: 'b', createdAt: 1, lastSeenAt: 1, expiresAt: 99 });
    expect(store.deleteSessionsOfUser('b', 's2')).toEqual(['s1']);
    store.tombstoneUser('b', 10);
    expect(store.findSession('s2')).toBeNull();
    expect(store.findUserById('b')).toMatchObject({
      displayName: 'Former user',
      deletedAt: 10,
      passwordHash: '!',
    });
    expect(store.findUserByEmail('b@example.com')).toBeNull();
    expect(store.listUsers().map((u) => u.id)).toEqual(['a']);
  });

  it('uses invites, reset links and the setup code once', () => {
    store.insertUser(user('a', 'a@example.com'));
    const invite = {
      id: 'i',
      email: 'n@example.com',
      role: 'guest' as const,
      createdBy: 'a',
      createdAt: 1,
      expiresAt: 100,
      acceptedAt: null,
      revokedAt: null,
    };
    store.insertInvite({ ...invite, tokenHash: 'ih' });
    expect(store.listOpenInvites(50).map((i) => i.id)).toEqual(['i']);
    expect(store.listOpenInvites(100)).toEqual([]);
    expect(store.acceptInvite('i', 5)).toBe(true);
    expect(store.acceptInvite('i', 6)).toBe(false);
    expect(store.revokeInvite('i', 6)).toBe(false);
    expect(store.findInviteByHash('ih')?.acceptedAt).toBe(5);

    const reset = { userId: 'a', createdBy: 'a', createdAt: 1, expiresAt: 100, usedAt: null };
    store.insertPasswordReset({ ...reset, id: 'r1', tokenHash: 'r1h' });
    store.retirePasswordResets('a', 2);
    store.insertPasswordReset({ ...reset, id: 'r2', tokenHash: 'r2h' });
    expect(store.findPasswordResetByHash('r1h')?.usedAt).toBe(2);
    expect(store.usePasswordReset('r2', 3)).toBe(true);
    expect(store.usePasswordReset('r2', 4)).toBe(false);

    expect(store.readSetupCode()).toBeNull();
    store.saveSetupCode('ABCD', 1);
    store.saveSetupCode('EFGH', 2);
    expect(store.readSetupCode()).toBe('EFGH');
    store.deleteSetupCode();
    expect(store.readSetupCode()).toBeNull();
  });
});
