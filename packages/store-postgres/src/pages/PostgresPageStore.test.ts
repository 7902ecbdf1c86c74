import { pageStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { PostgresError } from '../PostgresError';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresPageStore } from './PostgresPageStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresPageStore');

pageStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return {
    store: new PostgresPageStore(db),
    seed: {
      user: (id) =>
        db.run(
          `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
           VALUES ($1, $2, $1, '#123456', 'member', 'x', 0, 0)`,
          [id, `${id}@example.com`],
        ),
      space: (id) =>
        db.run(
          'INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ($1, $1, $1, 0, 0)',
          [id],
        ),
      removeUser: (id) => db.run('DELETE FROM users WHERE id = $1', [id]),
    },
    isUniqueViolation: (error) => PostgresError.isUniqueViolation(error),
    close: () => db.close(),
  };
});
