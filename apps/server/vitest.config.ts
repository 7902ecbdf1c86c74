import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests run real servers, sockets and scrypt on a shared 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
