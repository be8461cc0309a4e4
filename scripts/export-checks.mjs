// @ts-check
// Runs one export and checks the file before it counts:
//   node scripts/export-checks.mjs <pdf|clicks|handout|pptx|html|summary> <output> -- <command…>
// The command is run with `--output <temporary name>` added (and the system Chromium for `slidev
// export*`). A file that fails a check is made once more; if it fails again the command exits 1 with
// what was wrong, and nothing is left under the output name. Checks read the file with poppler-utils
// (PDF) or by unzipping it (PowerPoint), tools this project did not write.
// Slidev 53 does not pass Playwright's `tagged` to page.pdf (slidevjs/slidev#2426), nor alt text to the
// PowerPoint's pictures: patches/ holds those few lines, applied by patch-package on install, which
// keeps Slidev's own exporter (TOC, metadata, waits) instead of a hand-written copy of it.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseSync } from '@slidev/parser/core'
import { load } from '@slidev/parser/fs'
import { CHROMIUM_HELP, findChromium } from './chromium.mjs'
import { makePdfUa, pdfUaProblems } from './pdf-ua.mjs'
import { makePptxAccessible, pptxA11yProblems, pptxProblems, unzip } from './pptx-a11y.mjs'
import { spawnCollecting } from './spawn-collecting.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const MB = 1024 * 1024
/** How long Slidev may wait for each step of an export (page load, print view drawn). */
const EXPORT_TIMEOUT_MS = 240_000
/** Size limits the exports issue sets for files meant to be sent on. */
export const MAX_BYTES = { handout: 1.5 * MB, html: 3 * MB }

/** The slides Slidev will export (hidden and disabled ones left out), read by Slidev's own parser. */
export function deckSlides(entry = path.join(ROOT, 'slides.md')) {
  const { slides } = parseSync(readFileSync(entry, 'utf8'), entry)
  return slides.filter(s => !s.frontmatter.hide && !s.frontmatter.disabled)
}

/** How many slides an entry exports once its `src:` imports are resolved (Slidev's own loader; short.md). */
async function exportedSlides(/** @type {string} */ entry) {
  const { slides } = await load({ userRoot: ROOT, roots: [ROOT] }, path.join(ROOT, entry))
  return slides.length
}

/** The one-page summary: A4, tagged, at most this many words. */
export const SUMMARY_WORDS = 350

class MissingTool extends Error {}

/** @param {string} tool @param {string[]} args */
function run(tool, args) {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * MB, stdio: ['ignore', 'pipe', 'pipe'] })
  }
  catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT')
      throw new MissingTool(`${tool} is missing: the checks need poppler-utils (sudo apt-get install poppler-utils)`)
    throw error
  }
}

/** Share of pixels of a PGM/PPM (P5/P6) that are not background (alpha mask: not transparent). */
export function inkShare(/** @type {Buffer} */ image) {
  const header = image.subarray(0, 64).toString('latin1').match(/^P([56])\s+\d+\s+\d+\s+\d+\s/)
  if (!header)
    return 0
  const channels = header[1] === '6' ? 3 : 1
  const pixels = image.subarray(header[0].length)
  let inked = 0
  for (let i = 0; i < pixels.length; i += channels)
    inked += pixels[i] > 8 ? 1 : 0
  return inked / Math.max(1, pixels.length / channels)
}

/**
 * What is wrong with a PDF: it does not open, has the wrong page count, a page without text, or a
 * chart picture with nothing drawn (a canvas prints as an image whose alpha mask is its ink).
 * @param {string} file
 * @param {{ pages?: number, minPages?: number, maxBytes?: number }} expect
 */
export function pdfProblems(file, expect) {
  let info
  try {
    info = run('pdfinfo', [file])
  }
  catch (error) {
    if (error instanceof MissingTool)
      throw error
    const why = String(/** @type {Error} */ (error).message).split('\n').slice(-2).join(' ').trim()
    return [`${path.basename(file)} does not open as a PDF (pdfinfo: ${why})`]
  }
  const problems = []
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)?.[1] ?? 0)
  if (expect.pages !== undefined && pages !== expect.pages)
    problems.push(`${pages} pages, expected ${expect.pages} (one per slide)`)
  if (expect.minPages !== undefined && pages < expect.minPages)
    problems.push(`${pages} pages, expected at least ${expect.minPages}`)
  if (expect.maxBytes && statSync(file).size > expect.maxBytes)
    problems.push(`${(statSync(file).size / MB).toFixed(2)} MB, over the ${expect.maxBytes / MB} MB allowed`)
  const texts = run('pdftotext', [file, '-']).split('\f')
  const pagesWhere = (/** @type {(text: string) => boolean} */ test) =>
    texts.slice(0, pages).flatMap((text, i) => (test(text) ? [i + 1] : []))
  const blank = pagesWhere(text => !text.trim())
  if (blank.length)
    problems.push(`page(s) ${blank.join(', ')} without text (blank or unrendered)`)
  const loading = pagesWhere(text => /Loading slide/.test(text))
  if (loading.length)
    problems.push(`page(s) ${loading.join(', ')} printed while the slide was still loading`)
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-ink-'))
  try {
    // -list gives each image's page; the extracted files come in the same order.
    const list = run('pdfimages', ['-list', file])
      .split('\n')
      .slice(2)
      .map(line => line.trim().split(/\s+/))
      .filter(row => row.length > 4)
    run('pdfimages', [file, path.join(dir, 'img')])
    const files = readdirSync(dir).sort()
    list.forEach((row, i) => {
      const big = row[2] === 'smask' && Number(row[3]) * Number(row[4]) >= 10_000
      if (big && files[i] && inkShare(readFileSync(path.join(dir, files[i]))) < 0.01)
        problems.push(`page ${row[0]}: a chart picture has nothing drawn on it`)
    })
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return problems
}

/** What is wrong with the one-file copy: too big, or still pointing at separate files. */
export function htmlProblems(/** @type {string} */ file) {
  const html = readFileSync(file, 'utf8')
  const problems = []
  if (html.length > MAX_BYTES.html)
    problems.push(`${(html.length / MB).toFixed(2)} MB, more than the 3 MB allowed`)
  if (!/<script type="module">/.test(html))
    problems.push('no inline script: the deck would not start')
  const external = html.match(/<(?:script|link)\b[^>]+\b(?:src|href)="(?!data:)[^"]*"/g)
  if (external)
    problems.push(`still loads separate files: ${external.join(', ')}`)
  return problems
}

/** What is wrong with the leave-behind: not one A4 page, not tagged, or too long to read at a glance. */
export function summaryProblems(/** @type {string} */ file) {
  const problems = pdfProblems(file, { pages: 1 })
  const info = run('pdfinfo', [file])
  if (!/^Page size:.*\(A4\)/m.test(info))
    problems.push(`not an A4 page (${info.match(/^Page size:\s*(\S.*)$/m)?.[1]})`)
  if (!/^Tagged:\s+yes/m.test(info))
    problems.push('not a tagged PDF')
  const text = run('pdftotext', [file, '-'])
  const words = text.split(/\s+/).filter(w => /\w/.test(w)).length
  if (words > SUMMARY_WORDS)
    problems.push(`${words} words, more than the ${SUMMARY_WORDS} a one-page summary allows`)
  const missing = ['takeaway', 'Key figures', 'What to watch'].filter(part => !text.includes(part))
  if (missing.length)
    problems.push(`the page lacks ${missing.join(', ')} (printed before it finished rendering?)`)
  return problems
}

/** @param {string} kind @param {string} file @param {string[]} command */
async function problemsOf(kind, file, command) {
  if (kind === 'summary')
    return [...summaryProblems(file), ...pdfUaProblems(file)]
  const slides = await exportedSlides(command.find(arg => arg.endsWith('.md')) ?? 'slides.md')
  if (kind === 'pptx') {
    const problems = pptxProblems(file, { slides, notes: !command.includes('--without-notes') })
    return problems.length ? problems : pptxA11yProblems(unzip(readFileSync(file)))
  }
  if (kind === 'html')
    return htmlProblems(file)
  if (kind === 'pdf')
    return [...pdfProblems(file, { pages: slides }), ...pdfUaProblems(file)]
  const maxBytes = kind === 'handout' ? MAX_BYTES.handout : undefined
  return [...pdfProblems(file, { minPages: slides, maxBytes }), ...pdfUaProblems(file)]
}

/** Adds what Slidev's file lacks for accessibility (PDF/UA: scripts/pdf-ua.mjs); what could not be done. */
async function postProcess(/** @type {string} */ kind, /** @type {string} */ file) {
  try {
    if (['pdf', 'clicks', 'handout', 'summary'].includes(kind))
      await makePdfUa(file)
    if (kind === 'pptx')
      await makePptxAccessible(file, deckSlides().map(s => s.title ?? ''))
    return []
  }
  catch (error) {
    return [error instanceof Error ? error.message : String(error)]
  }
}

/** Runs the command; resolves with its output (echoed), rejects on a non-zero exit. */
async function runExport(/** @type {string[]} */ command) {
  const bin = path.join(ROOT, 'node_modules', '.bin')
  const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }
  const run = spawnCollecting(command[0] ?? '', command.slice(1), { cwd: ROOT, env, echo: true })
  const { code, output } = await run.done
  if (code !== 0)
    throw new Error(`\`${command.join(' ')}\` exited with ${code}`)
  return output
}

/** @param {string[]} argv */
export async function main(argv) {
  const [kind = '', target = '', dashes, ...given] = argv
  const kinds = ['pdf', 'clicks', 'handout', 'pptx', 'html', 'summary']
  if (!kinds.includes(kind) || !target || dashes !== '--' || !given.length)
    throw new Error(`usage: node scripts/export-checks.mjs <${kinds.join('|')}> <output> -- <command…>`)
  // DECK_EXPORT_DIR sends the file elsewhere under the same name (the tests use it).
  const output = path.resolve(ROOT, process.env.DECK_EXPORT_DIR ?? path.dirname(target), path.basename(target))
  const ext = path.extname(output)
  const temporary = path.join(path.dirname(output), `.${path.basename(output, ext)}.partial${ext}`)
  const command = [...given, '--output', temporary]
  if (command[0] === 'slidev' && command[1]?.startsWith('export')) {
    const chromium = findChromium()
    if (!chromium)
      throw new Error(CHROMIUM_HELP)
    // Slidev waits for the print view to be drawn (patches/), up to --timeout for each step: its
    // 30 s default ran out on a loaded 2-core machine before the dev server had served the deck.
    // That wait makes `networkidle` needless, and on a busy machine it took minutes to come.
    command.push('--executable-path', chromium, '--timeout', String(EXPORT_TIMEOUT_MS))
    if (command[1] === 'export')
      command.push('--wait-until', 'load')
  }
  mkdirSync(path.dirname(output), { recursive: true })
  try {
    for (let attempt = 1; ; attempt++) {
      rmSync(temporary, { force: true })
      let problems
      try {
        const log = await runExport(command)
        const unfinished = await postProcess(kind, temporary)
        // Slidev logs a chart that never drew (its data-waitfor target) but still exits 0.
        const timeout = log.match(/TimeoutError[^\n]*|waitFor[^\n]*[Tt]imeout[^\n]*/)
        problems = [
          ...(timeout ? [`a slide never finished rendering (${timeout[0].trim()})`] : []),
          ...unfinished,
          ...await problemsOf(kind, temporary, given),
        ]
      }
      catch (error) {
        if (error instanceof MissingTool)
          throw error
        problems = [error instanceof Error ? error.message : String(error)]
      }
      if (!problems.length) {
        renameSync(temporary, output)
        const kB = (statSync(output).size / 1024).toFixed(0)
        console.log(`Exported ${path.relative(process.cwd(), output)} (${kB} kB), checked.`)
        return
      }
      const message = `${path.relative(process.cwd(), output)} failed its checks:\n  - ${problems.join('\n  - ')}`
      if (attempt === 2)
        throw new Error(`${message}\nMade twice, failed twice: nothing was written.`)
      console.warn(`${message}\nMaking it once more.`)
    }
  }
  finally {
    // A failed or interrupted attempt leaves nothing behind; a passed one was renamed already.
    rmSync(temporary, { force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
