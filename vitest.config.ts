import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-dist.ts'],
    // Two cores here and in CI: a couple of forks keep the suite fast without thrashing.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    // The bundles cwdash writes for definition files are plain JavaScript: Node imports them, as it does for users.
    server: { deps: { external: [/\/cwdash-load-[^/]+\/definitions\.mjs$/] } },
  },
});
