import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSourceStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteImportSourceStore } from './SqliteImportSourceStore';

importSourceStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-import-sources-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    store: new SqliteImportSourceStore(db),
    seed: {
      space: (id) =>
        db
          .prepare(
            'INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES (?, ?, ?, 0, 0)',
          )
          .run(id, id, id),
      page: (id, spaceId) =>
        db
          .prepare(
            `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
             VALUES (?, ?, ?, 'V', ?, 0, 0)`,
          )
          .run(id, `short-${id}`, spaceId, id),
      removePage: (id) => db.prepare('DELETE FROM pages WHERE id = ?').run(id),
      removeSpace: (id) => db.prepare('DELETE FROM spaces WHERE id = ?').run(id),
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
