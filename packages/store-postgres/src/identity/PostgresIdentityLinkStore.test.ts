import { identityLinkStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresIdentityLinkStore } from './PostgresIdentityLinkStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresIdentityLinkStore');

identityLinkStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return {
    store: new PostgresIdentityLinkStore(db),
    seed: {
      user: (id) =>
        db.run(
          `INSERT INTO users (id, email, display_name, color, role, password_hash, created_at, updated_at)
           VALUES ($1, $2, $1, '#123456', 'member', 'x', 0, 0)`,
          [id, `${id}@example.com`],
        ),
      group: (id) =>
        db.run(
          'INSERT INTO access_groups (id, name, created_at, updated_at) VALUES ($1, $1, 0, 0)',
          [id],
        ),
    },
    close: () => db.close(),
  };
});
