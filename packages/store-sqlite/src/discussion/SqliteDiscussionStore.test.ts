import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discussionStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteDiscussionStore } from './SqliteDiscussionStore';

discussionStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-discussion-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  db.prepare(
    `INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ('s-1', 's-1', 'S', 0, 0)`,
  ).run();
  return {
    store: new SqliteDiscussionStore(db),
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
    purgePage: (id) => db.prepare('DELETE FROM pages WHERE id = ?').run(id),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
