import { discussionStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresDiscussionStore } from './PostgresDiscussionStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresDiscussionStore');

discussionStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  db.run(
    `INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ('s-1', 's-1', 'S', 0, 0)`,
  );
  return {
    store: new PostgresDiscussionStore(db),
    seed: {
      user: (id) =>
        db.run(
          `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
           VALUES ($1, $2, $1, '#123456', 'member', 'x', 0, 0)`,
          [id, `${id}@example.com`],
        ),
      page: (id) =>
        db.run(
          `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
           VALUES ($1, $2, 's-1', 'V', $1, 0, 0)`,
          [id, `s-${id}`],
        ),
    },
    purgePage: (id) => db.run('DELETE FROM pages WHERE id = $1', [id]),
    close: () => db.close(),
  };
});
