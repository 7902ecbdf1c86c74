import { searchIndexContract } from '@lore/core/testing';
import { createPostgresPool } from '@lore/store-postgres';
import {
  createTestDatabase,
  postgresAvailable,
  reportPostgresMissing,
} from '@lore/store-postgres/testing';
import { describe, it } from 'vitest';
import { PostgresSearchIndex } from './PostgresSearchIndex';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresSearchIndex');

searchIndexContract({ describe: describe.runIf(available), it }, 'PostgresSearchIndex', () => {
  const { db, url } = createTestDatabase();
  const pool = createPostgresPool({ url, max: 4 });
  return {
    index: new PostgresSearchIndex({ pool }),
    close: async () => {
      await pool.end();
      await db.close();
    },
  };
});
