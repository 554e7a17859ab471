import { defineConfig } from 'vitest/config';

// Journeys in real Chromium. They share one renderer build (globalSetup) and
// run one file at a time: two cores, and each journey owns a browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
