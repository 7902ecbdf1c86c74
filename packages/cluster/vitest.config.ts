import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file starts its own cluster (PostgreSQL, Redis, nginx, two or three Lore processes):
    // run them one after the other, so a machine with two cores is not asked to run several
    // clusters at once and a convergence wait does not starve.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
