import { watchStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresWatchStore } from './PostgresWatchStore';
import { postgresNotificationFixture } from './postgresNotificationFixture';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresWatchStore');

watchStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db, seed, close } = postgresNotificationFixture();
  return { store: new PostgresWatchStore(db), seed, close };
});
