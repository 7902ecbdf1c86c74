import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { identityLinkStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteIdentityLinkStore } from './SqliteIdentityLinkStore';

identityLinkStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-identity-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    store: new SqliteIdentityLinkStore(db),
    seed: {
      user: (id) =>
        db
          .prepare(
            `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
             VALUES (?, ?, ?, '#123456', 'member', 'x', 0, 0)`,
          )
          .run(id, `${id}@example.com`, id),
      group: (id) =>
        db
          .prepare(
            'INSERT INTO access_groups (id, name, created_at, updated_at) VALUES (?, ?, 0, 0)',
          )
          .run(id, id),
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
