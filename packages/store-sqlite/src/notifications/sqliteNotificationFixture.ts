import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../openDatabase';

/** A fresh Lore database in a temp folder with seeding for the notification contract suites. */
export function sqliteNotificationFixture(): {
  db: Db;
  seed: {
    users(ids: readonly string[]): void;
    space(id: string): void;
    page(id: string, spaceId: string): void;
  };
  close(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'lore-notifications-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  const insertUser = db.prepare(
    `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
     VALUES (?, ?, ?, '#123456', 'member', 'x', 0, 0)`,
  );
  return {
    db,
    seed: {
      users: (ids) =>
        db.transaction(() => {
          for (const id of ids) insertUser.run(id, `${id}@example.com`, id);
        })(),
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
          .run(id, `s-${id}`, spaceId, id),
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
