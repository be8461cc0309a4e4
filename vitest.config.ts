import { defineConfig } from 'vitest/config'

// Two suites: pure TypeScript (fast, no browser) and the built deck in a real Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
})
