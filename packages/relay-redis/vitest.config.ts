import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each test starts its own redis-server; the cluster scenarios open real sockets.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
