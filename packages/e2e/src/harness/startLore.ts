import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, loadConfig } from '@lore/server';
import { webDist } from './webDist';

export interface RunningLore {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Calls the API as a script would: JSON body and a same-origin `Origin` header. */
  api(method: string, path: string, body?: unknown): Promise<Response>;
  /** The first-run setup code (what the server logs at start); null once set up. */
  setupCode(): string | null;
  /** Stops the server and deletes its data. */
  close(): Promise<void>;
}

/**
 * The real Lore server, in this process, on a free port, with an empty data folder in a temp
 * directory, serving the built web app exactly as in production.
 */
export async function startLore(env: Record<string, string> = {}): Promise<RunningLore> {
  const dist = webDist();
  const dataDir = mkdtempSync(join(tmpdir(), 'lore-e2e-'));
  try {
    const config = loadConfig({
      LORE_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LORE_LOG_LEVEL: 'warn',
      LORE_WEB_DIST: dist,
      ...env,
    });
    const server = await createServer(config);
    const { url } = await server.listen();
    return {
      url,
      api: (method, path, body) =>
        fetch(`${url}${path}`, {
          method,
          headers:
            body === undefined
              ? { origin: url }
              : { origin: url, 'content-type': 'application/json' },
          body: body === undefined ? null : JSON.stringify(body),
        }),
      setupCode: () => server.services.accounts.setupCode(),
      close: async () => {
        await server.close(1000);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
