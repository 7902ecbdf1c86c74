import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageStoreContract } from '@lore/core/testing';
import Database from 'better-sqlite3';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqlitePageStore } from './SqlitePageStore';

pageStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-pages-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    store: new SqlitePageStore(db),
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
            'INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES (?, ?, ?, 0, 0)',
          )
          .run(id, id, id),
      removeUser: (id) => db.prepare('DELETE FROM users WHERE id = ?').run(id),
    },
    // A duplicate short id breaks a UNIQUE constraint, a duplicate id the primary key.
    isUniqueViolation: (error) =>
      error instanceof Database.SqliteError &&
      (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
