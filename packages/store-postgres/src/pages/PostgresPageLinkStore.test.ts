import { pageLinkStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { createTestDatabase, postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresPageLinkStore } from './PostgresPageLinkStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresPageLinkStore');

pageLinkStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db } = createTestDatabase();
  return {
    store: new PostgresPageLinkStore(db),
    seed: {
      space: (id) =>
        db.run(
          'INSERT INTO spaces (id, slug, name, created_at, updated_at) VALUES ($1, $1, $1, 0, 0)',
          [id],
        ),
      page: (page) =>
        db.run(
          `INSERT INTO pages (id, short_id, space_id, position, title, created_at, updated_at,
                              deleted_at)
           VALUES ($1, $2, $3, 'V', $4, 0, 0, $5)`,
          [page.id, `short-${page.id}`, page.spaceId, page.title, page.trashed ? 1 : null],
        ),
      removePage: (id) => db.run('DELETE FROM pages WHERE id = $1', [id]),
    },
    close: () => db.close(),
  };
});
