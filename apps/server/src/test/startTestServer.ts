import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateServerOptions, LoreServer } from '../createServer';
import { startServerOnDataDir } from './startServerOnDataDir';

/** Response bodies in tests are read structurally and every use is asserted on. */
// biome-ignore lint/suspicious/noExplicitAny: see above; typing each endpoint's JSON here adds nothing.
export type JsonBody = any;

export interface TestResponse extends Response {
  json(): Promise<JsonBody>;
}

export interface TestServer {
  readonly url: string;
  readonly server: LoreServer;
  readonly dataDir: string;
  /** Everything the server logged, as raw JSON lines. */
  readonly logs: string[];
  /** `fetch` against the server with a cookie jar and a same-origin `Origin` header by default. */
  request(path: string, init?: TestRequestInit): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestRequestInit extends RequestInit {
  /**
   * A JSON body; sets Content-Type. A `POST /api/setup` body without a `setupCode` field gets
   * the server's setup code, so tests set up with one call; name the field to send your own.
   */
  readonly json?: unknown;
  /** Skip the cookie jar for this request. */
  readonly anonymous?: boolean;
}

/** A real Lore server on port 0 over a fresh SQLite file in a temp folder. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: Omit<CreateServerOptions, 'logger'> = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lore-test-'));
  const { url, server, logs } = await startServerOnDataDir(dataDir, env, options);
  const jar = new Map<string, string>();
  return {
    url,
    server,
    dataDir,
    logs,
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (!headers.has('origin') && init.method && init.method !== 'GET')
        headers.set('origin', url);
      if (!init.anonymous && jar.size > 0 && !headers.has('cookie')) {
        headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
      }
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(withSetupCode(server, path, init.method, init.json));
      }
      const response = await fetch(`${url}${path}`, { ...init, headers, body: body ?? null });
      if (!init.anonymous) {
        for (const cookie of response.headers.getSetCookie()) {
          const [pair] = cookie.split(';');
          const [name, value] = (pair ?? '').split('=');
          if (!name) continue;
          if (!value || /Expires=Thu, 01 Jan 1970/i.test(cookie)) jar.delete(name);
          else jar.set(name, value);
        }
      }
      return response;
    },
    async close() {
      await server.close(1000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function withSetupCode(
  server: LoreServer,
  path: string,
  method: string | undefined,
  json: unknown,
) {
  if (path !== '/api/setup' || method !== 'POST' || typeof json !== 'object' || json === null) {
    return json;
  }
  if ('setupCode' in json) return json;
  const setupCode = server.services.accounts.setupCode();
  return setupCode ? { ...json, setupCode } : json;
}
