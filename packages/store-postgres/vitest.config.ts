import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One private PostgreSQL server for the run; each test copies a migrated template database.
    globalSetup: ['./src/testing/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
