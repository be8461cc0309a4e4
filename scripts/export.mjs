// @ts-check
// Exports the deck with the system Chromium (see scripts/chromium.mjs). Outputs go to exports/.
//   node scripts/export.mjs pdf       one page per slide (final state of each slide)
//   node scripts/export.mjs clicks    one page per click step
//   node scripts/export.mjs pptx      PowerPoint, one slide per slide, speaker notes attached
//   node scripts/export.mjs handout   A4 PDF for the presenter: each slide with its speaker notes
// Options: --output <file> (default exports/<exportFilename>[-suffix].<ext>), --dark, --entry <slides.md>,
//          --dir <presenter build> (handout only: reuse a build made by `npm run build:presenter`).
// Anything else is passed on to `slidev export`.
//
// `slidev export-notes` ignores --executable-path, so the handout is made here: the presenter build
// (notes included) is served locally, every slide is captured from Slidev's print view, the rendered
// notes come from its /presenter/print view, and the pairs are printed to PDF by Chromium.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CHROMIUM_HELP, findChromium, launchChromium } from './chromium.mjs'
import { startServer } from './preview.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

/** Path of Slidev's CLI entry, run with this very Node. */
export function slidevBin() {
  const pkg = require.resolve('@slidev/cli/package.json', { paths: [ROOT] })
  return path.join(path.dirname(pkg), 'bin', 'slidev.mjs')
}

/**
 * Runs the Slidev CLI; resolves with its output when it exits with 0. The output is echoed unless quiet.
 * @param {string[]} args
 * @param {{ cwd?: string, quiet?: boolean }} [options]
 * @returns {Promise<string>}
 */
export function runSlidev(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [slidevBin(), ...args], {
      cwd: options.cwd ?? ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
      if (!options.quiet)
        process.stdout.write(d)
    })
    child.stderr.on('data', (d) => {
      output += d
      if (!options.quiet)
        process.stderr.write(d)
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0)
        resolve(output)
      else
        reject(new Error(`slidev ${args.join(' ')} failed (${signal ?? `exit ${code}`})${options.quiet && output ? `\n${output.slice(-4000)}` : ''}`))
    })
  })
}

/**
 * Vite's dev server (which `slidev export` renders from) reloads the page when it discovers a
 * dependency to pre-bundle at run time (a cold cache: fresh clone, changed lockfile or vite config).
 * A reload in the middle of an export prints blank or half-rendered pages.
 */
export const RELOAD_DURING_EXPORT = /optimized dependencies changed\. reloading|new dependencies optimized/i

/**
 * exportFilename from the deck's headmatter, or the entry's base name.
 * @param {string} entry
 */
export function exportBaseName(entry) {
  const text = readFileSync(entry, 'utf8')
  const head = text.match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1] ?? ''
  const name = head.match(/^exportFilename:\s*['"]?([^'"\n]+?)['"]?\s*$/m)?.[1]
  return name || path.basename(entry, '.md')
}

/**
 * @typedef {object} ExportArgs
 * @property {string} kind
 * @property {string} [output]
 * @property {string} entry
 * @property {boolean} dark
 * @property {string} [dir]
 * @property {string[]} rest
 */

/**
 * @param {string[]} argv
 * @returns {ExportArgs}
 */
export function parseArgs(argv) {
  /** @type {ExportArgs} */
  const args = { kind: 'pdf', entry: path.join(ROOT, 'slides.md'), dark: false, rest: [] }
  let kindSeen = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined)
        throw new Error(`${flag} needs a value`)
      return v
    }
    if (flag === '--output' || flag === '-o')
      args.output = path.resolve(value())
    else if (flag === '--entry')
      args.entry = path.resolve(value())
    else if (flag === '--dir')
      args.dir = path.resolve(value())
    else if (flag === '--dark')
      args.dark = true
    else if (!arg.startsWith('-') && !kindSeen) {
      args.kind = arg
      kindSeen = true
    }
    else
      args.rest.push(arg)
  }
  if (!['pdf', 'clicks', 'pptx', 'handout'].includes(args.kind))
    throw new Error(`Unknown export "${args.kind}". Use pdf, clicks, pptx or handout.`)
  return args
}

/**
 * @param {ExportArgs} args
 * @param {string} executablePath
 * @returns {Promise<string>} the written file
 */
async function slidevExport(args, executablePath) {
  const base = exportBaseName(args.entry)
  const suffix = { pdf: '', clicks: '-clicks', pptx: '' }[args.kind] ?? ''
  const ext = args.kind === 'pptx' ? '.pptx' : '.pdf'
  let output = args.output ?? path.join(ROOT, 'exports', `${base}${suffix}${args.dark ? '-dark' : ''}${ext}`)
  if (!output.endsWith(ext))
    output += ext
  mkdirSync(path.dirname(output), { recursive: true })
  const flags = [
    'export',
    path.relative(ROOT, args.entry),
    '--executable-path',
    executablePath,
    '--output',
    output,
    '--timeout',
    '120000',
    // Slidev counts the print view's slides as soon as the page loads; on a busy machine that can be
    // before they render (a PPTX with no slides was seen). Wait for the slide chunks to arrive.
    '--wait-until',
    'networkidle',
  ]
  if (args.kind === 'clicks')
    flags.push('--with-clicks')
  if (args.kind === 'pptx')
    flags.push('--format', 'pptx', '--no-with-clicks')
  if (args.dark)
    flags.push('--dark')
  const log = await runSlidev([...flags, ...args.rest])
  if (RELOAD_DURING_EXPORT.test(log)) {
    // The dependency cache is warm now, so the second run renders without a reload.
    console.warn('Vite re-optimized dependencies and reloaded the page during the export; exporting again.')
    const again = await runSlidev([...flags, ...args.rest])
    if (RELOAD_DURING_EXPORT.test(again))
      throw new Error('Vite reloaded the page during the export twice; the output may be incomplete. Run the export again.')
  }
  if (!existsSync(output))
    throw new Error(`slidev export finished but ${output} was not written`)
  return output
}

/**
 * @param {string} text
 */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => /** @type {Record<string, string>} */ ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] ?? c)
}

/**
 * Waits until every slide on the page is fully rendered: no loading placeholder, every
 * `data-waitfor` target visible (charts drawn), fonts loaded.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} scope
 */
export async function waitForRendered(page, scope) {
  await scope.locator('.slidev-slide-loading').first().waitFor({ state: 'detached', timeout: 60_000 }).catch(() => {})
  const waiting = scope.locator('[data-waitfor]')
  const count = await waiting.count()
  for (let i = 0; i < count; i++) {
    const element = waiting.nth(i)
    const selector = await element.getAttribute('data-waitfor')
    if (selector)
      await element.locator(selector).first().waitFor({ state: 'attached', timeout: 60_000 })
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
}

/**
 * @param {ExportArgs} args
 * @returns {Promise<string>} the written file
 */
async function handout(args) {
  const base = exportBaseName(args.entry)
  let output = args.output ?? path.join(ROOT, 'exports', `${base}-handout${args.dark ? '-dark' : ''}.pdf`)
  if (!output.endsWith('.pdf'))
    output += '.pdf'
  mkdirSync(path.dirname(output), { recursive: true })

  let dir = args.dir
  const temporary = !dir
  if (!dir) {
    dir = path.join(ROOT, 'exports', '.handout-build')
    rmSync(dir, { recursive: true, force: true })
    console.log('Building the presenter copy (with notes)…')
    await runSlidev(['build', path.relative(ROOT, args.entry), '--out', dir], { quiet: true })
  }
  const server = await startServer({ dir })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      deviceScaleFactor: 2,
      colorScheme: args.dark ? 'dark' : 'light',
    })
    const page = await context.newPage()

    // Slidev's /print and /presenter/print views exist only in builds with `download` on, so walk the
    // slides instead: the presenter view gives the rendered notes (and the slide count), the audience
    // view in print mode (`?print`, as Slidev's per-slide exporter does) gives the picture.
    /** @type {{ no: number, title: string, png: string, notes: string }[]} */
    const slides = []
    let total = 1
    for (let no = 1; no <= total; no++) {
      await page.goto(`${server.url}presenter/${no}`)
      const bar = page.locator('.slidev-presenter .grid-section.bottom')
      await page.waitForFunction(() => /\d+\s*\/\s*\d+/.test(document.querySelector('.slidev-presenter .grid-section.bottom')?.textContent ?? ''))
      total = Number([...(await bar.innerText()).matchAll(/(\d+)\s*\/\s*(\d+)/g)].at(-1)?.[2] ?? total)
      const note = page.locator('.slidev-presenter .grid-section.note .slidev-note').first()
      await note.waitFor()
      // Without notes Slidev shows a greyed "No notes." placeholder.
      const notes = (await note.evaluate(el => el.classList.contains('italic'))) ? '' : await note.innerHTML()

      // ?print is how Slidev's own per-slide exporter renders a slide: final click state, no animation.
      await page.goto(`${server.url}${no}?print=true`)
      const slide = page.locator(`.slidev-page[data-slidev-no="${no}"]`)
      await slide.waitFor({ state: 'visible' })
      await waitForRendered(page, slide)
      const title = (await slide.locator('h1').first().textContent({ timeout: 1000 }).catch(() => '')) ?? ''
      const png = (await slide.screenshot({ animations: 'disabled' })).toString('base64')
      slides.push({ no, title: title.trim(), png, notes })
    }

    if (slides.every(s => !s.notes))
      console.warn(`No speaker notes in ${path.relative(process.cwd(), dir)}: is it a --without-notes build? The handout needs the presenter build (npm run build:presenter).`)

    const title = await page.title()
    const pages = slides.map(({ no, title, png, notes }) => `<section class="page">
  <header><span class="no">${no} / ${slides.length}</span> <span class="title">${escapeHtml(title)}</span></header>
  <img src="data:image/png;base64,${png}" alt="Slide ${no}">
  <div class="notes">${notes || '<p class="empty">No speaker notes for this slide.</p>'}</div>
</section>`).join('\n')
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} — speaker handout</title>
<style>
  @page { size: A4; margin: 12mm 14mm; }
  * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font: 10.5pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; color: #111; }
  .page { break-after: page; }
  .page:last-child { break-after: auto; }
  header { display: flex; gap: 8px; align-items: baseline; margin: 0 0 6px; font-size: 9pt; color: #555; }
  header .no { font-variant-numeric: tabular-nums; font-weight: 600; }
  img { display: block; width: 100%; height: auto; border: 1px solid #ccc; border-radius: 3px; margin-bottom: 10px; }
  .notes p { margin: 0 0 7px; }
  .notes .slidev-note-fade { opacity: 1 !important; }
  .notes ul, .notes ol { margin: 0 0 7px 1.2em; padding: 0; }
  .notes .empty { color: #777; font-style: italic; }
  .notes .slidev-note-click-mark { display: inline-block; margin-right: 4px; padding: 0 4px; border-radius: 3px; background: #e8eefc; color: #1d4ed8; font-size: 8pt; font-weight: 600; }
  .notes .slidev-note-click-mark::before { content: 'click ' attr(data-clicks); }
</style></head><body>
${pages}
</body></html>`
    const printer = await context.newPage()
    await printer.setContent(html, { waitUntil: 'load' })
    await printer.emulateMedia({ media: 'print' })
    await printer.pdf({ path: output, format: 'A4', printBackground: true, preferCSSPageSize: true })
  }
  finally {
    await browser.close()
    await server.close()
    if (temporary)
      rmSync(dir, { recursive: true, force: true })
  }
  return output
}

/**
 * @param {string[]} argv
 */
export async function main(argv) {
  const args = parseArgs(argv)
  const executablePath = findChromium()
  if (!executablePath) {
    console.error(CHROMIUM_HELP)
    process.exitCode = 1
    return
  }
  const started = Date.now()
  const file = args.kind === 'handout' ? await handout(args) : await slidevExport(args, executablePath)
  console.log(`Exported ${path.relative(process.cwd(), file)} in ${((Date.now() - started) / 1000).toFixed(1)}s`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
