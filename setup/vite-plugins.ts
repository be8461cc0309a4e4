import path from 'node:path'
import { defineVitePluginsSetup } from '@slidev/types'

// short.md and summary.md get a Vite dependency cache of their own: with the one cache slides.md uses,
// every switch of entry re-optimized the dependencies and reloaded the page, and an export printed
// it blank in between.
export default defineVitePluginsSetup(({ entry, userRoot }) => [{
  name: 'deck:cache-per-entry',
  config: () => (path.basename(entry) === 'slides.md'
    ? {}
    : { cacheDir: path.join(userRoot, 'node_modules', '.vite', path.basename(entry, '.md')) }),
}])
