import { systemClock } from '@lore/core';
import { openDatabase } from '@lore/store-sqlite';
import pino from 'pino';
import type { Config } from '../config';
import type { SearchConfig } from './searchConfig';
import { wireSearch } from './wireSearch';

export interface ReindexOptions {
  readonly search: SearchConfig;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * `lore reindex`: rebuilds the search index from every page's document, with the server
 * running or not. Pending outbox entries are covered; edits made meanwhile are indexed after.
 */
export async function reindexSearch(
  config: Pick<Config, 'databasePath' | 'sqliteSynchronous'>,
  options: ReindexOptions,
): Promise<{ pages: number; seconds: number }> {
  const db = openDatabase({ path: config.databasePath, synchronous: config.sqliteSynchronous });
  const wiring = wireSearch({
    db,
    config: options.search,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
  });
  const started = performance.now();
  try {
    const pages = await wiring.services.indexer.rebuild(options.onProgress);
    return { pages, seconds: (performance.now() - started) / 1000 };
  } finally {
    await wiring.close();
    db.close();
  }
}
