import type { Logger } from 'pino';
import type { Config } from '../config';
import { openSqliteStorage } from './openSqliteStorage';
import type { Storage } from './Storage';

/** The configured database with every store on it, migrated and ready. */
export async function openStorage(config: Config, logger: Logger): Promise<Storage> {
  if (config.store.engine === 'sqlite') {
    return openSqliteStorage({
      path: config.databasePath,
      synchronous: config.sqliteSynchronous,
      attachmentsDir: config.attachmentsDir,
      logger,
    });
  }
  // Loaded only when chosen: an SQLite install never starts the PostgreSQL driver.
  const { openPostgresStorage } = await import('./openPostgresStorage');
  return await openPostgresStorage({
    url: config.store.url,
    attachmentsDir: config.attachmentsDir,
    logger,
  });
}
