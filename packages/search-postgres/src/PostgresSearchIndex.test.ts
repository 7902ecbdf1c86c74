import { searchIndexContract } from '@lore/core/testing';
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
  const { db } = createTestDatabase();
  return { index: new PostgresSearchIndex({ db }), close: () => db.close() };
});
