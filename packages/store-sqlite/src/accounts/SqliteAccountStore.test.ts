import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountStoreContract } from '@lore/core/testing';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteAccountStore } from './SqliteAccountStore';

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'lore-accounts-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    db,
    store: new SqliteAccountStore(db),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

accountStoreContract({ describe, it }, 'SQLite', open);

describe('SqliteAccountStore', () => {
  it('deletes sessions and tokens with their user', () => {
    const { db, store, close } = open();
    try {
      store.insertUser({
        id: 'a',
        email: 'a@example.com',
        displayName: 'a',
        color: '#1f6feb',
        role: 'member',
        passwordHash: 'scrypt$x',
        createdAt: 1,
      });
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
      db.prepare('DELETE FROM users WHERE id = ?').run('a');
      expect(store.findSession('h')).toBeNull();
      expect(store.findTokenByHash('th')).toBeNull();
    } finally {
      close();
    }
  });

  it('gives tokens made before scopes the write scope and no expiry', () => {
    const { db, store, close } = open();
    try {
      db.prepare(
        `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
         VALUES ('a', 'a@example.com', 'a', '#123456', 'member', 'x', 0, 0)`,
      ).run();
      db.prepare(
        `INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ('old', 'a', 'n', 'oh', 1)`,
      ).run();
      expect(store.findTokenByHash('oh')).toMatchObject({ scope: 'write', expiresAt: null });
      expect(store.findTokenById('old')?.scope).toBe('write');
    } finally {
      close();
    }
  });
});
