import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchAnalyticsStoreContract } from '@lore/core/testing';
import { describe, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { SqliteSearchAnalyticsStore } from './SqliteSearchAnalyticsStore';

searchAnalyticsStoreContract({ describe, it }, 'SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lore-analytics-'));
  const db = openDatabase({ path: join(dir, 'lore.db') });
  return {
    store: new SqliteSearchAnalyticsStore(db),
    storedClicks: () => db.prepare('SELECT count(*) FROM search_clicks').pluck().get() as number,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
