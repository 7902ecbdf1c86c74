import { notificationStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { postgresAvailable, reportPostgresMissing } from '../testing';
import { PostgresNotificationStore } from './PostgresNotificationStore';
import { postgresNotificationFixture } from './postgresNotificationFixture';

const available = postgresAvailable();
if (!available) reportPostgresMissing('PostgresNotificationStore');

notificationStoreContract({ describe: describe.runIf(available), it }, 'PostgreSQL', () => {
  const { db, seed, close } = postgresNotificationFixture();
  return { store: new PostgresNotificationStore(db), seed, close };
});
