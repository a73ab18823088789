import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser tests and the JS budget read portal/dist: built once here when stale, not by each file.
    globalSetup: ['test/browser/buildPortal.ts'],
    // Property tests run many cases; give them room without hiding real hangs.
    testTimeout: 30_000,
  },
});
