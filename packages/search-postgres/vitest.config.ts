import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The private PostgreSQL server of @lore/store-postgres: one per run, with a migrated template
// database (the index's tables included) that each test copies.
const testing = dirname(fileURLToPath(import.meta.resolve('@lore/store-postgres/testing')));

export default defineConfig({
  test: {
    globalSetup: [join(testing, 'globalSetup.ts')],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
