import { spaceStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { PostgresError } from '../PostgresError';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresSpaceStore } from './PostgresSpaceStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresSpaceStore');

spaceStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return {
    store: new PostgresSpaceStore(db),
    seed: {
      user: (id) =>
        db.run(
          `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
           VALUES ($1, $2, $1, '#123456', 'member', 'x', 0, 0)`,
          [id, `${id}@example.com`],
        ),
      removeUser: (id) => db.run('DELETE FROM users WHERE id = $1', [id]),
    },
    isUniqueViolation: (error) => PostgresError.isUniqueViolation(error, 'spaces_pkey'),
    close: () => db.close(),
  };
});
