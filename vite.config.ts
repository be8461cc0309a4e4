import type { Plugin } from 'vite'
import process from 'node:process'
import { defineConfig } from 'vite'
import { remoteGate } from './scripts/remote-gate.ts'

// `npm run export:html` builds with DECK_ONE_FILE=1: one script chunk and every asset inlined, so
// scripts/one-file.mjs can fold the build into a single .html that opens from disk.
const ONE_FILE = process.env.DECK_ONE_FILE === '1'

// Slidev puts every module under node_modules/vue* into its eagerly loaded `modules/vue` chunk,
// and `vue-chartjs` matches that prefix, so Chart.js would ride along onto slide 1's critical path.
// Keep the chart libraries out of Slidev's chunk rules, so the bundler places them with the
// chart components, which only the chart slides load.
const CHART_LIBRARIES = /\/node_modules\/(?:chart\.js|vue-chartjs|@kurkle\/color)\//

function chartChunk(): Plugin {
  return {
    name: 'deck:chart-chunk',
    enforce: 'post',
    config(config) {
      const output = config.build?.rollupOptions?.output
      if (!output || Array.isArray(output))
        return
      const slidevChunks = output.manualChunks
      if (ONE_FILE) {
        output.manualChunks = undefined
        output.codeSplitting = false
        return
      }
      output.manualChunks = (id, meta) => {
        if (CHART_LIBRARIES.test(id))
          return undefined
        return typeof slidevChunks === 'function' ? slidevChunks(id, meta) : undefined
      }
    },
  }
}

export default defineConfig({
  // `npm run present:remote`: a password gate in front of the dev server (scripts/remote-gate.ts).
  plugins: [remoteGate(), chartChunk()],
  // Pre-bundle the chart libraries up front: found late (on the first chart slide), Vite re-bundles
  // and reloads the page, which in the dev server and in `slidev export` restarts the work.
  optimizeDeps: { include: ['chart.js', 'vue-chartjs'] },
  // Fonts inline as woff2 only: every browser that runs the deck reads it, and the woff/ttf fallbacks
  // (@fontsource's) would double the file; scripts/one-file.mjs drops their references.
  build: ONE_FILE
    ? { assetsInlineLimit: file => !/\.(?:woff|ttf)$/.test(file), cssCodeSplit: false, modulePreload: false }
    : {},
  // Straight apostrophes: Inter draws ’ (U+2019) and ʼ (U+02BC) with one glyph, and Chromium's PDF maps
  // that glyph back to U+02BC, so a PDF viewer's search for "Amazon’s" found nothing.
  slidev: { markdown: { markdownOptions: { typographer: false } } },
})
