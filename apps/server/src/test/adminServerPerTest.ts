import { afterEach, beforeEach } from 'vitest';
import { startTestServer, type TestServer } from './startTestServer';

/** The first admin `adminServerPerTest` sets up. */
export const testAdmin = {
  email: 'ada@example.com',
  displayName: 'Ada',
  password: 'analytical-engine',
} as const;

/**
 * Registers hooks that start a fresh server before each test, with `testAdmin` set up and so
 * signed in on the server's cookie jar, and close it after. The server returned stands for the
 * current test's one, so it can be kept in a module-level constant.
 */
export function adminServerPerTest(): TestServer {
  let current: TestServer | undefined;

  beforeEach(async () => {
    current = await startTestServer();
    await current.request('/api/setup', { method: 'POST', json: testAdmin });
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });

  const running = (): TestServer => {
    if (!current) throw new Error('The test server runs only inside a test.');
    return current;
  };
  return {
    get url() {
      return running().url;
    },
    get server() {
      return running().server;
    },
    get dataDir() {
      return running().dataDir;
    },
    get logs() {
      return running().logs;
    },
    request: (path, init) => running().request(path, init),
    close: () => running().close(),
  };
}
