import { defineConfig } from 'vitest/config'

// Two suites: pure TypeScript (fast, no browser) and the built deck in a real Chromium.
// `npm test` runs both; `npm run test:unit` / `npm run test:browser` run one.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Builds the public and presenter decks once and serves them on free ports.
          globalSetup: ['tests/browser/global-setup.ts'],
          // One Chromium at a time: the files share two CPUs with the builds and exports.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
