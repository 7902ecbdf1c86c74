import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteAccessStore } from './SqliteAccessStore';

accessStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-access-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    store: new SqliteAccessStore(db),
    seed: {
      user: (id) =>
        db
          .prepare(
            `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
             VALUES (?, ?, ?, '#123456', 'member', 'x', 0, 0)`,
          )
          .run(id, `${id}@example.com`, id),
      space: (id) =>
        db
          .prepare(
            `INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES (?, ?, ?, 0, 0)`,
          )
          .run(id, id, id),
      page: (id, spaceId) =>
        db
          .prepare(
            `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
             VALUES (?, ?, ?, 'V', ?, 0, 0)`,
          )
          .run(id, `s-${id}`, spaceId, id),
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
