import { importSourceStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresImportSourceStore } from './PostgresImportSourceStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresImportSourceStore');

importSourceStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return {
    store: new PostgresImportSourceStore(db),
    seed: {
      space: (id) =>
        db.run(
          'INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ($1, $1, $1, 0, 0)',
          [id],
        ),
      page: (id, spaceId) =>
        db.run(
          `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at)
           VALUES ($1, $2, $3, 'V', $1, 0, 0)`,
          [id, `short-${id}`, spaceId],
        ),
      removePage: (id) => db.run('DELETE FROM pages WHERE id = $1', [id]),
      removeSpace: (id) => db.run('DELETE FROM spaces WHERE id = $1', [id]),
    },
    close: () => db.close(),
  };
});
