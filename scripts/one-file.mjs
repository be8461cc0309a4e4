// @ts-check
// The deck as one .html file that opens from disk (file://) with no server and no network.
//   node scripts/one-file.mjs --output exports/amazon-openai-briefing.html
// Slidev has no single-file build (slidevjs/slidev#2581), so: a public build (--without-notes) with
// hash routing and a relative base, made by vite.config.ts's one-file mode into one script and one
// stylesheet with every font inlined; then both are folded into index.html here. A browser runs an
// inline module script from file://, but refuses an external one (CORS), hence the folding.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { output: { type: 'string', default: 'exports/deck.html' } } })
const output = path.resolve(values.output ?? '')
const dir = mkdtempSync(path.join(tmpdir(), 'deck-one-file-'))
try {
  const args = ['build', '--without-notes', '--router-mode', 'hash', '--base', './', '--out', dir]
  execFileSync('slidev', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DECK_ONE_FILE: '1' },
  })
  const read = (/** @type {string} */ file) => readFileSync(path.join(dir, file))
  const text = (/** @type {string} */ file) => read(file).toString('utf8')
  const html = text('index.html')
    // `</script` inside the code would end the inline script early.
    .replace(/<script type="module" crossorigin src="\.\/([^"]+)"><\/script>/g, (_, file) =>
      `<script type="module">${text(file).replace(/<\/(script)/gi, '<\\/$1')}</script>`)
    .replace(/<link rel="stylesheet" crossorigin href="\.\/([^"]+)">/g, (_, file) =>
      `<style>${text(file).replace(/,url\(\.\/[^)]+\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '')}</style>`)
    .replace(/<link rel="icon" href="\.\/([^"]+\.svg)">/, (_, file) =>
      `<link rel="icon" href="data:image/svg+xml;base64,${read(file).toString('base64')}">`)
  const left = html.match(/(?:src|href)="\.\/[^"]+"|url\(\.\/[^)]+\)/g)
  if (left)
    throw new Error(`one-file: ${left.join(', ')} still point at separate files`)
  writeFileSync(output, html)
}
finally {
  rmSync(dir, { recursive: true, force: true })
}
