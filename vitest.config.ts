import type { TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'
import { BaseSequencer } from 'vitest/node'

/**
 * The longest browser files first, so that no long file starts last and runs alone (on a fresh clone
 * Vitest has no timings to go by); exports.test.ts last: it reads the exports the global setup makes
 * while the other files run.
 */
const ORDER = ['remote', 'presenter', 'slides', 'bad-figure', 'one-file']
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const rank = (file: TestSpecification) => {
      const name = file.moduleId.match(/([\w-]+)\.test\.ts$/)?.[1] ?? ''
      return name === 'exports' ? ORDER.length + 1 : ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length
    }
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

// Two suites: pure TypeScript (fast, no browser) and the built deck in a real Chromium.
// `npm test` runs both; `npm run test:unit` / `npm run test:browser` run one.
export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
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
