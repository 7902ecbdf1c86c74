import { notificationStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { SqliteNotificationStore } from './SqliteNotificationStore';
import { sqliteNotificationFixture } from './sqliteNotificationFixture';

notificationStoreContract({ describe, it }, 'SQLite', () => {
  const { db, seed, close } = sqliteNotificationFixture();
  return { store: new SqliteNotificationStore(db), seed, close };
});
