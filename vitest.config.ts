import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Two cores here and in CI: a couple of forks keep the suite fast without thrashing.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
