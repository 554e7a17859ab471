import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Tests assert behaviour, never time: the budget is generous so a busy
    // machine (CI under load, two cores shared) slows a test without failing it.
    testTimeout: 60_000,
  },
});
