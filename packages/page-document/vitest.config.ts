import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The suite opens real servers and sockets; leave room for a busy two-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
