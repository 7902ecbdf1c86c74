import { createTestDatabase } from '@lore/store-postgres/testing';

const databases = new Map<string, string>();

/**
 * The store a test server runs on. The `postgres` test project (vitest.config.ts) sets
 * LORE_TEST_STORE=postgres: each data folder then gets its own fresh PostgreSQL database, kept
 * for that folder so a restarted server finds its data again.
 */
export function testStoreEnv(dataDir: string): Record<string, string> {
  if (process.env.LORE_TEST_STORE !== 'postgres') return {};
  let url = databases.get(dataDir);
  if (!url) {
    const created = createTestDatabase();
    url = created.url;
    void created.db.close();
    databases.set(dataDir, url);
  }
  return { LORE_STORE: 'postgres', LORE_DATABASE_URL: url };
}
