import { spaceActivityStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { postgresNotificationFixture } from '../notifications/postgresNotificationFixture';
import { postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresSpaceActivityStore } from './PostgresSpaceActivityStore';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresSpaceActivityStore');

spaceActivityStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db, seed, close } = postgresNotificationFixture();
  return { store: new PostgresSpaceActivityStore(db), seed, close };
});
