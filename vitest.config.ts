import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      // Unit tests of pure functions over in-memory values (fake timers are restored after each):
      // one fork runs them all, so shared modules are imported once instead of once per file.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ['tests/unit/server/**'], isolate: false } },
      // Server units open database files and locks, integration and browser tests own servers,
      // Chromium and process listeners: a fresh fork each (shared, document-store saw SQLITE_BUSY).
      {
        extends: true,
        test: { name: 'system', include: ['tests/unit/server/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'] },
      },
    ],
  },
})
