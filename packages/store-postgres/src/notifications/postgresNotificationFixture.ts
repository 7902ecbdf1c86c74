import type { PostgresDatabase } from '../PostgresDatabase';
import { createTestDatabase } from '../testing';

/** A fresh, migrated test database with seeding for the notification contract suites. */
export function postgresNotificationFixture(): {
  db: PostgresDatabase;
  /** Where the database is, for a second connection (another process). */
  url: string;
  seed: {
    users(ids: readonly string[]): void;
    space(id: string): void;
    page(id: string, spaceId: string): void;
  };
  close(): Promise<void>;
} {
  const { db, url } = createTestDatabase();
  return {
    db,
    url,
    seed: {
      users: (ids) =>
        db.run(
          `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
           SELECT id, id || '@example.com', id, '#123456', 'member', 'x', 0, 0
           FROM unnest($1::text[]) AS id`,
          [ids],
        ),
      space: (id) =>
        db.run(
          'INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ($1, $1, $1, 0, 0)',
          [id],
        ),
      page: (id, spaceId) =>
        db.run(
          `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
           VALUES ($1, $2, $3, 'V', $1, 0, 0)`,
          [id, `s-${id}`, spaceId],
        ),
    },
    close: () => db.close(),
  };
}
