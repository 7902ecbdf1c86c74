import { Writable } from 'node:stream';
import { loadConfig } from '../config';
import { type CreateServerOptions, createServer, type LoreServer } from '../createServer';
import { createLogger } from '../logger';
import { testStoreEnv } from './testStoreEnv';

export interface ServerOnDataDir {
  readonly url: string;
  readonly server: LoreServer;
  /** Everything the server logged, as raw JSON lines. */
  readonly logs: string[];
  /** Graceful close; the data folder stays (its owner removes it). */
  close(): Promise<void>;
}

/**
 * A real Lore server on port 0 over an existing data folder, e.g. the one a `TestServer` used
 * before it was closed: what a restart sees.
 */
export async function startServerOnDataDir(
  dataDir: string,
  env: Record<string, string> = {},
  options: Omit<CreateServerOptions, 'logger'> = {},
): Promise<ServerOnDataDir> {
  const config = loadConfig({
    LORE_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    ...testStoreEnv(dataDir),
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const server = await createServer(config, { ...options, logger: createLogger('trace', sink) });
  const { url } = await server.listen();
  return { url, server, logs, close: () => server.close(1000) };
}
