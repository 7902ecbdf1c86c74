import pino from 'pino';
import type { Config } from '../config';
import { createLore } from '../runtime/createLore';
import type { SearchConfig } from './searchConfig';

export interface ReindexOptions {
  readonly search: SearchConfig;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * `lore reindex`: rebuilds the search index from every page's document, with the server
 * running or not. Pending outbox entries are covered; edits made meanwhile are indexed after.
 */
export async function reindexSearch(
  config: Config,
  options: ReindexOptions,
): Promise<{ pages: number; seconds: number }> {
  const runtime = await createLore(
    { ...config, search: options.search },
    { logger: pino({ level: 'silent' }) },
  );
  const started = performance.now();
  try {
    const pages = await runtime.services.search.indexer.rebuild(options.onProgress);
    return { pages, seconds: (performance.now() - started) / 1000 };
  } finally {
    await runtime.close();
  }
}
