import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shareLinkStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteShareLinkStore } from './SqliteShareLinkStore';

shareLinkStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-shares-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  db.prepare(
    `INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ('s-1', 's-1', 'S', 0, 0)`,
  ).run();
  return {
    store: new SqliteShareLinkStore(db),
    seed: {
      user: (id) =>
        db
          .prepare(
            `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
             VALUES (?, ?, ?, '#123456', 'member', 'x', 0, 0)`,
          )
          .run(id, `${id}@example.com`, id),
      page: (id) =>
        db
          .prepare(
            `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
             VALUES (?, ?, 's-1', 'V', ?, 0, 0)`,
          )
          .run(id, `s-${id}`, id),
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
