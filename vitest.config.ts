import type { TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'
import { BaseSequencer } from 'vitest/node'

/** exports.test.ts last: it reads the exports the global setup makes while the other files run. */
class ExportsLast extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const last = (file: TestSpecification) => Number(file.moduleId.endsWith('exports.test.ts'))
    return (await super.sort(files)).sort((a, b) => last(a) - last(b))
  }
}

// Two suites: pure TypeScript (fast, no browser) and the built deck in a real Chromium.
// `npm test` runs both; `npm run test:unit` / `npm run test:browser` run one.
export default defineConfig({
  test: {
    sequence: { sequencer: ExportsLast },
    // Two files at a time (Vitest's default on two cores is one): a browser file mostly waits on its
    // Chromium, and the exports run beside them.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Builds the public and presenter decks once, serves them on free ports, starts the exports.
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
