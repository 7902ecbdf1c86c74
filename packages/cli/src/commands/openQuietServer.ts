import { createLogger, createServer, type LoreServer, loadConfig } from '@lore/server';
import type { CommandIo } from './CommandIo';

/**
 * The Lore services over the configured data folder, without listening: what the import and
 * export commands work through, so they follow the same rules as the HTTP API.
 */
export async function openQuietServer(io: CommandIo): Promise<LoreServer> {
  const config = loadConfig(io.env);
  return createServer(config, { logger: createLogger('error') });
}
