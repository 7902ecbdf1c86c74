import { watchStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { SqliteWatchStore } from './SqliteWatchStore';
import { sqliteNotificationFixture } from './sqliteNotificationFixture';

watchStoreContract({ describe, it }, 'SQLite', () => {
  const { db, seed, close } = sqliteNotificationFixture();
  return { store: new SqliteWatchStore(db), seed, close };
});
