import { spaceActivityStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { sqliteNotificationFixture } from '../notifications/sqliteNotificationFixture';
import { SqliteSpaceActivityStore } from './SqliteSpaceActivityStore';

spaceActivityStoreContract({ describe, it }, 'SQLite', () => {
  const { db, seed, close } = sqliteNotificationFixture();
  return { store: new SqliteSpaceActivityStore(db), seed, close };
});
