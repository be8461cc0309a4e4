// @ts-check
// Issue 5: the deck should cost no more than a plain Slidev deck of the same length.
//
//   npm run bench [-- --runs 3 --load-runs 5 --only build,load,chart,export]
//
// Generates a baseline deck (bench-results/baseline/: as many slides as slides.md, text and bullets
// only, the same headmatter and font CSS, no components, charts or setup code), then measures the
// deck and the baseline side by side, alternating between them, and prints medians as a table:
//   1. build time (`slidev build`, the flags of `npm run build`, each into its own out dir);
//   2. bytes fetched before slide 1 is shown (JS, CSS, fonts, ...), and whether the chunk that
//      carries Chart.js (and the one with the chart components) was among them;
//   3. cold load to the first slide shown (fresh browser context, empty cache, dist served on 127.0.0.1);
//   4. PDF export time (`slidev export --executable-path <system Chromium>`) and the PDF's size;
//   5. per chart slide, the time from entering it to its chart drawn (.chart-drawn visible).
// Results go to bench-results/bench-<timestamp>.json and bench-results/latest.json.
// It is a measurement, not a test: the exit code is 0 when everything could be measured (even if a
// target fails; add --strict to exit 1 on a failed target), 1 when a measurement broke.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync, inflateSync } from 'node:zlib'
import { writeBaseline } from './bench-baseline.mjs'
import { chartDraw, coldLoad, findChartSlides } from './bench-browser.mjs'
import { launchChromium, requireChromium } from './chromium.mjs'
import { startServer } from './serve.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

/** The issue's targets. Ratios are deck / baseline. */
export const TARGETS = Object.freeze({
  buildRatio: 1.3,
  bytesRatio: 1.15,
  coldLoadRatio: 1.2,
  exportRatio: 1.5,
  chartDrawnMs: 100,
  pdfBytes: 5_000_000,
})

/** Strings that survive minification and only Chart.js contains. */
const CHARTJS_SIGNATURES = ['Canvas is already in use', 'Failed to create chart: can']
/** The chart components' root class (ChartFrame.vue). */
const CHART_COMPONENT_SIGNATURE = 'chart-frame'

/** @typedef {'build' | 'load' | 'chart' | 'export'} Section */
/** @typedef {import('./bench-browser.mjs').ChartMode} ChartMode */
/** @typedef {'deck' | 'baseline'} Which */

/**
 * @typedef {object} Options
 * @property {number} runs build and export runs per deck
 * @property {number} loadRuns cold loads per deck, and chart measurements per chart slide and mode
 * @property {Section[]} only
 * @property {ChartMode[] | undefined} chartModes undefined: decided from the chart component's source
 * @property {boolean} warmup one untimed export of each deck before the timed ones
 * @property {boolean} strict exit 1 when a target fails
 * @property {string} entry
 * @property {string} out
 * @property {number} timeout ms for each build/export process
 */

const USAGE = `Usage: npm run bench -- [options]
  --runs N          build and export runs per deck (default 3); also sets --load-runs unless given
  --load-runs N     cold loads per deck and chart measurements per chart slide and mode (default 5)
  --only LIST       sections to run, comma-separated: build,load,chart,export (default: all)
                    (load = bytes before slide 1 + cold load; without build, both decks get
                    an untimed build first)
  --chart-modes L   animated,print,reduced (default: animated + what the chart component supports)
  --no-warmup       skip the untimed export of each deck before the timed exports
  --strict          exit 1 when a target fails
  --entry FILE      the deck (default slides.md)
  --out DIR         results folder (default bench-results)
  --timeout SEC     limit for each build/export process (default 600)`

/**
 * @param {string[]} argv
 * @returns {Options}
 */
export function parseArgs(argv) {
  /** @type {Options} */
  const options = {
    runs: 3,
    loadRuns: 5,
    only: ['build', 'load', 'chart', 'export'],
    chartModes: undefined,
    warmup: true,
    strict: false,
    entry: path.join(ROOT, 'slides.md'),
    out: path.join(ROOT, 'bench-results'),
    timeout: 600_000,
  }
  let loadRunsGiven = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined)
        throw new Error(`${flag} needs a value`)
      return v
    }
    /** @param {string} v */
    const count = (v) => {
      const n = Number(v)
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`${flag} must be a whole number >= 1, got ${v}`)
      return n
    }
    if (flag === '--runs') {
      options.runs = count(value())
      if (!loadRunsGiven)
        options.loadRuns = options.runs
    }
    else if (flag === '--load-runs') {
      options.loadRuns = count(value())
      loadRunsGiven = true
    }
    else if (flag === '--only') {
      const list = value().split(',').map(s => s.trim()).filter(Boolean)
      for (const s of list) {
        if (!['build', 'load', 'chart', 'export'].includes(s))
          throw new Error(`--only: unknown section "${s}" (build, load, chart, export)`)
      }
      options.only = /** @type {Section[]} */ (list)
    }
    else if (flag === '--chart-modes') {
      const list = value().split(',').map(s => s.trim()).filter(Boolean)
      for (const s of list) {
        if (!['animated', 'print', 'reduced'].includes(s))
          throw new Error(`--chart-modes: unknown mode "${s}" (animated, print, reduced)`)
      }
      options.chartModes = /** @type {ChartMode[]} */ (list)
    }
    else if (flag === '--no-warmup')
      options.warmup = false
    else if (flag === '--warmup')
      options.warmup = true
    else if (flag === '--strict')
      options.strict = true
    else if (flag === '--entry')
      options.entry = path.resolve(value())
    else if (flag === '--out')
      options.out = path.resolve(value())
    else if (flag === '--timeout')
      options.timeout = count(value()) * 1000
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE)
      process.exit(0)
    }
    else
      throw new Error(`Unknown option ${arg}\n${USAGE}`)
  }
  return options
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/**
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b)
  if (v.length === 0)
    return Number.NaN
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? /** @type {number} */ (v[mid]) : (/** @type {number} */ (v[mid - 1]) + /** @type {number} */ (v[mid])) / 2
}

/**
 * deck / baseline
 * @param {number} deck
 * @param {number} baseline
 */
function ratio(deck, baseline) {
  return Number.isFinite(deck) && Number.isFinite(baseline) && baseline > 0 ? deck / baseline : Number.NaN
}

/** @param {string} message */
function log(message) {
  process.stderr.write(`[bench] ${message}\n`)
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error)
}

/** @param {string} dir */
function filesUnder(dir) {
  /** @type {string[]} */
  const files = []
  if (!existsSync(dir))
    return files
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory())
      files.push(...filesUnder(full))
    else if (entry.isFile())
      files.push(full)
  }
  return files
}

/** The flags `npm run build` passes to `slidev build` (so the bench builds the way the deck is built). */
export function buildFlags(root = ROOT) {
  /** @type {string} */
  let script = ''
  try {
    script = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts?.build ?? ''
  }
  catch {}
  const match = script.match(/\bslidev\s+build\b(.*)$/)
  if (!match)
    return ['--without-notes']
  const tokens = (match[1] ?? '').trim().split(/\s+/).filter(Boolean)
  /** @type {string[]} */
  const flags = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? ''
    if (t === '&&' || t === ';' || t === '|')
      break
    if (t === '--out' || t === '-o') {
      i++
      continue
    }
    if (t.startsWith('--out='))
      continue
    if (!t.startsWith('-'))
      continue // an entry file
    flags.push(t)
  }
  return flags
}

/** Path of Slidev's CLI entry, run with this very Node. */
function slidevBin() {
  const pkg = require.resolve('@slidev/cli/package.json', { paths: [ROOT] })
  return path.join(path.dirname(pkg), 'bin', 'slidev.mjs')
}

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set()

let clockTicks = 0
/**
 * CPU seconds (user + system) used by this process's terminated, waited-for children so far, from
 * /proc/self/stat (cutime + cstime); NaN off Linux. The difference around one child is that child's
 * CPU time, Chromium included when it waited for it: much less sensitive than wall time to other
 * work on the machine.
 */
function childrenCpuSeconds() {
  try {
    if (!clockTicks) {
      const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
      clockTicks = Number(r.stdout?.trim()) || 100
    }
    const stat = readFileSync('/proc/self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[13]) + Number(fields[14])) / clockTicks
  }
  catch {
    return Number.NaN
  }
}

/**
 * Runs the Slidev CLI in its own process group, times it (wall clock), keeps its output in a log file.
 * @param {string[]} args
 * @param {{ log: string, timeout: number }} options
 * @returns {Promise<{ ms: number, cpu: number, output: string }>}
 */
function timedSlidev(args, options) {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuSeconds()
    const started = performance.now()
    const child = spawn(process.execPath, [slidevBin(), ...args], {
      cwd: ROOT,
      detached: true, // own process group: a timeout also ends the Chromium it started
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    })
    children.add(child)
    let output = ''
    child.stdout?.on('data', (d) => { output += d })
    child.stderr?.on('data', (d) => { output += d })
    const timer = setTimeout(() => {
      output += `\n[bench] timed out after ${options.timeout / 1000}s, killing process group ${child.pid}\n`
      killGroup(child)
    }, options.timeout)
    child.on('error', (error) => {
      clearTimeout(timer)
      children.delete(child)
      reject(error)
    })
    let ms = Number.NaN
    let cpu = Number.NaN
    child.on('exit', () => {
      ms = performance.now() - started
      cpu = (childrenCpuSeconds() - cpuBefore) * 1000
    })
    // 'close' comes after 'exit' once the output pipes are drained: the log is complete.
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      mkdirSync(path.dirname(options.log), { recursive: true })
      writeFileSync(options.log, `$ slidev ${args.join(' ')}\n${output}\n[bench] exit ${signal ?? code} after ${(ms / 1000).toFixed(1)}s\n`)
      if (code === 0)
        resolve({ ms, cpu, output })
      else
        reject(new Error(`slidev ${args[0]} failed (${signal ?? `exit ${code}`}), see ${path.relative(process.cwd(), options.log)}\n${output.trim().split('\n').slice(-15).join('\n')}`))
    })
  })
}

/** @param {import('node:child_process').ChildProcess} child */
function killGroup(child) {
  if (child.pid === undefined || child.exitCode !== null)
    return
  try {
    process.kill(-child.pid, 'SIGKILL')
  }
  catch {
    child.kill('SIGKILL')
  }
}

/**
 * Pages and fonts of a PDF: "/Type /Page" and "/Type /Font" objects, also inside compressed object
 * streams (pdf-lib, which Slidev uses to assemble its PDF, writes them there). A PDF of slides with
 * no font at all is blank: the deck failed to render during the export.
 * @param {Buffer} buffer
 * @returns {{ pages: number, fonts: number }}
 */
export function pdfInfo(buffer) {
  const page = /\/Type\s*\/Page(?![s\w])/g
  const font = /\/Type\s*\/Font\b/g
  /** @param {string} t */
  const count = t => ({ pages: (t.match(page) ?? []).length, fonts: (t.match(font) ?? []).length })
  const text = buffer.toString('latin1')
  const total = count(text)
  const streams = /<<((?:(?!>>\s*stream)[\s\S]){0,4000})>>\s*stream\r?\n/g
  let m
  while ((m = streams.exec(text))) {
    const dict = m[1] ?? ''
    const start = m.index + m[0].length
    const length = Number(dict.match(/\/Length\s+(\d+)(?!\s+\d+\s+R)/)?.[1])
    if (!Number.isFinite(length))
      continue
    if (/\/ObjStm\b/.test(dict) && /\/FlateDecode\b/.test(dict)) {
      try {
        const inner = count(inflateSync(buffer.subarray(start, start + length)).toString('latin1'))
        total.pages += inner.pages
        total.fonts += inner.fonts
      }
      catch {}
    }
    streams.lastIndex = start + length
  }
  return total
}

// ---------------------------------------------------------------------------------------------
// Static look at a build
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} DistInfo
 * @property {number} totalBytes every file of the build
 * @property {string[]} chartJsChunks dist-relative paths of JS files containing Chart.js
 * @property {string[]} chartComponentChunks dist-relative paths of JS files with the chart components
 * @property {string[]} entryAssets what index.html loads or modulepreloads (dist-relative)
 * @property {Record<string, number>} sizes dist-relative path -> bytes, for .js/.css files
 */

/**
 * @param {string} dir
 * @returns {DistInfo}
 */
export function inspectDist(dir) {
  const files = filesUnder(dir)
  /** @type {DistInfo} */
  const info = { totalBytes: 0, chartJsChunks: [], chartComponentChunks: [], entryAssets: [], sizes: {} }
  for (const file of files) {
    const rel = path.relative(dir, file).split(path.sep).join('/')
    const size = statSync(file).size
    info.totalBytes += size
    if (/\.(js|mjs|css)$/.test(rel))
      info.sizes[rel] = size
    if (!/\.(js|mjs)$/.test(rel))
      continue
    const text = readFileSync(file, 'utf8')
    if (CHARTJS_SIGNATURES.some(s => text.includes(s)))
      info.chartJsChunks.push(rel)
    if (text.includes(CHART_COMPONENT_SIGNATURE))
      info.chartComponentChunks.push(rel)
  }
  const index = path.join(dir, 'index.html')
  if (existsSync(index)) {
    const html = readFileSync(index, 'utf8')
    for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)) {
      const tag = m[0]
      const ref = m[1] ?? ''
      if (/rel="(?:icon|apple-touch-icon|manifest)"/.test(tag) || /^https?:/.test(ref))
        continue
      info.entryAssets.push(ref.replace(/^\/+/, '').replace(/^(?:[^/]+\/)*?(?=assets\/)/, ''))
    }
  }
  return info
}

/**
 * "assets/modules/vue-WHgbQHaw.js" -> "assets/modules/vue.js"
 * @param {string} rel
 */
function chunkStem(rel) {
  return rel.replace(/-[\w-]{8}(\.\w+)$/, '$1')
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} Deck
 * @property {Which} which
 * @property {string} label
 * @property {string} entry
 * @property {string} dist
 * @property {string} pdf
 */

/**
 * @param {Options} options
 * @param {Record<Which, Deck>} decks
 * @param {any} results
 */
async function runBuilds(options, decks, results) {
  const flags = buildFlags()
  results.build = { flags, deck: { runs: [], cpuRuns: [] }, baseline: { runs: [], cpuRuns: [] } }
  for (let i = 0; i < options.runs; i++) {
    /** @type {Which[]} */
    const order = i % 2 === 0 ? ['deck', 'baseline'] : ['baseline', 'deck']
    for (const which of order) {
      const deck = decks[which]
      rmSync(deck.dist, { recursive: true, force: true })
      log(`build ${i + 1}/${options.runs}: ${deck.label}`)
      const { ms, cpu } = await timedSlidev(['build', path.relative(ROOT, deck.entry), ...flags, '--out', deck.dist], {
        log: path.join(options.out, 'logs', `build-${which}-${i + 1}.log`),
        timeout: options.timeout,
      })
      results.build[which].runs.push(ms)
      results.build[which].cpuRuns.push(cpu)
      log(`  ${(ms / 1000).toFixed(1)} s (CPU ${(cpu / 1000).toFixed(1)} s)`)
    }
  }
  for (const which of /** @type {Which[]} */ (['deck', 'baseline'])) {
    results.build[which].median = median(results.build[which].runs)
    results.build[which].cpu = median(results.build[which].cpuRuns)
  }
}

/**
 * Makes sure both decks have a build to load (an untimed one when the build section did not run).
 * @param {Options} options
 * @param {Record<Which, Deck>} decks
 */
async function ensureBuilt(options, decks) {
  for (const deck of Object.values(decks)) {
    if (existsSync(path.join(deck.dist, 'index.html')))
      continue
    log(`untimed build of ${deck.label} (needed to load it)`)
    await timedSlidev(['build', path.relative(ROOT, deck.entry), ...buildFlags(), '--out', deck.dist], {
      log: path.join(options.out, 'logs', `build-${deck.which}-untimed.log`),
      timeout: options.timeout,
    })
  }
}

/**
 * @param {Options} options
 * @param {Record<Which, Deck>} decks
 * @param {import('playwright-core').Browser} browser
 * @param {Record<Which, { url: string, base: string }>} servers
 * @param {Record<Which, DistInfo>} dists
 * @param {any} results
 */
async function runLoads(options, decks, browser, servers, dists, results) {
  results.load = {}
  /** @type {Record<Which, import('./bench-browser.mjs').ColdLoad[]>} */
  const loads = { deck: [], baseline: [] }
  for (let i = 0; i < options.loadRuns; i++) {
    /** @type {Which[]} */
    const order = i % 2 === 0 ? ['deck', 'baseline'] : ['baseline', 'deck']
    for (const which of order) {
      const load = await coldLoad(browser, servers[which].url)
      loads[which].push(load)
      log(`cold load ${i + 1}/${options.loadRuns}: ${decks[which].label} slide 1 shown at ${load.shownAt.toFixed(0)} ms`)
    }
  }
  for (const which of /** @type {Which[]} */ (['deck', 'baseline'])) {
    const dir = decks[which].dist
    const base = servers[which].base
    const dist = dists[which]
    /** @param {string} urlPath */
    const toRel = urlPath => (urlPath.startsWith(base) ? urlPath.slice(base.length) : urlPath.replace(/^\/+/, ''))
    /** @type {Record<string, number>} */
    const gzipCache = {}
    /** @param {string} rel */
    const gzipSize = (rel) => {
      if (!(rel in gzipCache)) {
        const file = path.join(dir, rel || 'index.html')
        gzipCache[rel] = existsSync(file) && statSync(file).isFile() ? gzipSync(readFileSync(file)).length : 0
      }
      return /** @type {number} */ (gzipCache[rel])
    }
    const runs = loads[which].map((load) => {
      const before = load.resources.filter(r => r.end <= load.shownAt)
      /** @type {Record<string, number>} */
      const byType = { js: 0, css: 0, font: 0, html: 0, image: 0, other: 0 }
      let gzip = 0
      for (const r of before) {
        byType[r.type] = (byType[r.type] ?? 0) + r.bytes
        gzip += r.type === 'html' ? gzipSize('index.html') : gzipSize(toRel(r.path))
      }
      /** @param {string[]} chunks */
      const fetched = chunks => chunks.map((rel) => {
        const hit = load.resources.find(r => toRel(r.path) === rel)
        return { chunk: rel, before: !!hit && hit.end <= load.shownAt, requestedAt: hit ? hit.start : null, doneAt: hit ? hit.end : null }
      })
      return {
        visibleAt: load.visibleAt,
        shownAt: load.shownAt,
        bytes: before.reduce((sum, r) => sum + r.bytes, 0),
        gzip,
        requests: before.length,
        byType,
        files: before.map(r => ({ path: r.path, type: r.type, bytes: r.bytes, end: Math.round(r.end) })),
        chartJs: fetched(dist.chartJsChunks),
        chartComponents: fetched(dist.chartComponentChunks),
      }
    })
    results.load[which] = {
      runs: runs.map(({ files, ...rest }) => rest),
      filesBeforeSlide1: runs[0]?.files ?? [],
      shownAt: median(runs.map(r => r.shownAt)),
      visibleAt: median(runs.map(r => r.visibleAt)),
      bytes: median(runs.map(r => r.bytes)),
      gzip: median(runs.map(r => r.gzip)),
      requests: median(runs.map(r => r.requests)),
      byType: Object.fromEntries(['js', 'css', 'font', 'html', 'image', 'other'].map(t => [t, median(runs.map(r => r.byType[t] ?? 0))])),
      chartJsBeforeSlide1: runs.filter(r => r.chartJs.some(c => c.before)).length,
      chartComponentsBeforeSlide1: runs.filter(r => r.chartComponents.some(c => c.before)).length,
    }
  }
}

/**
 * Which "animation off" a chart component supports, read from its source.
 * @returns {{ modes: ChartMode[], offMode: ChartMode | null, note: string }}
 */
export function chartModesFromSource(root = ROOT) {
  const dir = path.join(root, 'components')
  const sources = existsSync(dir)
    ? readdirSync(dir).filter(f => f.endsWith('.vue')).map(f => readFileSync(path.join(dir, f), 'utf8')).filter(s => s.includes(CHART_COMPONENT_SIGNATURE))
    : []
  const text = sources.join('\n')
  const reduced = /prefers-reduced-motion|reducedMotion|ReducedMotion/.test(text)
  const print = /isPrintMode/.test(text)
  /** @type {ChartMode[]} */
  const modes = ['animated']
  if (reduced)
    modes.push('reduced')
  if (print)
    modes.push('print')
  const offMode = reduced ? 'reduced' : print ? 'print' : null
  const note = sources.length === 0
    ? 'no chart component source found (components/*.vue with .chart-frame)'
    : `chart component turns animation off with: ${[reduced && 'prefers-reduced-motion', print && 'print mode (isPrintMode)'].filter(Boolean).join(' and ') || 'nothing found'}`
  return { modes, offMode, note }
}

/**
 * @param {Options} options
 * @param {import('playwright-core').Browser} browser
 * @param {Record<Which, { url: string }>} servers
 * @param {{ total: number, chartSlides: import('./bench-browser.mjs').ChartSlide[] }} found
 * @param {any} results
 */
async function runCharts(options, browser, servers, found, results) {
  const detected = chartModesFromSource()
  const modes = options.chartModes ?? detected.modes
  const offMode = options.chartModes
    ? (/** @type {ChartMode[]} */ (['reduced', 'print'])).find(m => modes.includes(m)) ?? null
    : detected.offMode
  results.chart = { modes, offMode, note: detected.note, slides: [] }
  for (const slide of found.chartSlides) {
    /** @type {any} */
    const entry = { no: slide.no, charts: slide.charts, modes: {} }
    results.chart.slides.push(entry)
    if (slide.no < 2) {
      entry.error = 'chart on slide 1: measured by the cold load, not by entering it'
      continue
    }
    for (const mode of modes)
      entry.modes[mode] = { runs: [], visibleRuns: [] }
  }
  for (let i = 0; i < options.loadRuns; i++) {
    for (const entry of results.chart.slides) {
      if (entry.error)
        continue
      for (const mode of modes) {
        const m = entry.modes[mode]
        try {
          const r = await chartDraw(browser, servers.deck.url, { no: entry.no, total: found.total, mode })
          m.runs.push(r.toDrawn)
          m.visibleRuns.push(r.toVisible)
          log(`chart ${i + 1}/${options.loadRuns}: slide ${entry.no} (${mode}) drawn ${r.toDrawn.toFixed(0)} ms after entering`)
        }
        catch (error) {
          m.errors = [...(m.errors ?? []), messageOf(error)]
          log(`chart ${i + 1}/${options.loadRuns}: slide ${entry.no} (${mode}) FAILED: ${messageOf(error)}`)
        }
      }
    }
  }
  for (const entry of results.chart.slides) {
    for (const m of Object.values(entry.modes)) {
      m.median = median(m.runs)
      m.visible = median(m.visibleRuns)
    }
  }
}

/**
 * @param {Options} options
 * @param {Record<Which, Deck>} decks
 * @param {any} results
 */
async function runExports(options, decks, results) {
  const executablePath = requireChromium()
  results.export = { executablePath, warmup: options.warmup, deck: { runs: [], cpuRuns: [], depOptimized: [], lateDeps: [], blankRuns: [] }, baseline: { runs: [], cpuRuns: [], depOptimized: [], lateDeps: [], blankRuns: [] } }
  /**
   * @param {Deck} deck
   * @param {string} name
   */
  const run = async (deck, name) => {
    rmSync(deck.pdf, { force: true })
    const { ms, cpu, output } = await timedSlidev([
      'export',
      path.relative(ROOT, deck.entry),
      '--executable-path',
      executablePath,
      '--output',
      deck.pdf,
      '--timeout',
      '120000',
    ], { log: path.join(options.out, 'logs', `export-${deck.which}-${name}.log`), timeout: options.timeout })
    if (!existsSync(deck.pdf))
      throw new Error(`slidev export finished but ${deck.pdf} was not written`)
    // slidev export does not notice when the deck fails to render (e.g. Vite re-optimizing its
    // dependencies mid-export): it then writes blank pages. Such a run measures nothing.
    const blank = pdfInfo(readFileSync(deck.pdf)).fonts === 0
    // Vite optimizing dependencies during the export (cold cache, or deps discovered late) is part of
    // a real first export, but makes that run slower than the next ones: flag it.
    const depOptimized = /optimiz(?:ing|ed) dependencies|bundling dependencies|new dependencies optimized|optimized dependencies changed/i.test(output)
    // Dependencies found only when a slide imported them: Vite bundles again and reloads the page.
    const lateDeps = [...output.matchAll(/dependenc(?:y|ies) optimized: ([^\n]+)/gi)].flatMap(x => (x[1] ?? '').split(',').map(d => d.trim()).filter(Boolean))
    const reloaded = /optimized dependencies changed\. reloading/i.test(output)
    return { ms, cpu, depOptimized, lateDeps, reloaded, blank }
  }
  if (options.warmup) {
    for (const which of /** @type {Which[]} */ (['deck', 'baseline'])) {
      log(`export warm-up (untimed): ${decks[which].label}`)
      const { lateDeps, reloaded, blank } = await run(decks[which], 'warmup')
      results.export[which].warmupLateDeps = reloaded ? lateDeps : []
      if (blank) {
        results.export[which].blankRuns.push('warmup')
        log('  the PDF is blank (no text): the deck did not render during this export')
      }
    }
  }
  for (let i = 0; i < options.runs; i++) {
    /** @type {Which[]} */
    const order = i % 2 === 0 ? ['deck', 'baseline'] : ['baseline', 'deck']
    for (const which of order) {
      log(`export ${i + 1}/${options.runs}: ${decks[which].label}`)
      let attempt = 0
      let r = await run(decks[which], String(i + 1))
      while (r.blank) {
        results.export[which].blankRuns.push(`${i + 1}${attempt ? `.${attempt}` : ''}`)
        if (++attempt > 2)
          throw new Error(`slidev export of the ${decks[which].label} wrote a blank PDF (no text) ${attempt} times in a row; see bench-results/logs/export-${which}-${i + 1}.log`)
        log(`  the PDF is blank (no text): the deck did not render during this export; repeating the run`)
        r = await run(decks[which], `${i + 1}-retry${attempt}`)
      }
      const { ms, cpu, depOptimized, lateDeps, reloaded } = r
      results.export[which].runs.push(ms)
      results.export[which].cpuRuns.push(cpu)
      results.export[which].depOptimized.push(depOptimized)
      results.export[which].lateDeps.push(reloaded ? lateDeps : [])
      log(`  ${(ms / 1000).toFixed(1)} s (CPU ${(cpu / 1000).toFixed(1)} s)${depOptimized ? ', Vite optimized dependencies during this run' : ''}`)
    }
  }
  for (const which of /** @type {Which[]} */ (['deck', 'baseline'])) {
    const r = results.export[which]
    r.median = median(r.runs)
    r.cpu = median(r.cpuRuns)
    const pdf = decks[which].pdf
    r.pdfBytes = statSync(pdf).size
    const info = pdfInfo(readFileSync(pdf))
    r.pdfPages = info.pages
    r.pdfFonts = info.fonts
    r.warmMedian = median(r.runs.filter(/** @param {number} _ @param {number} i */ (_, i) => !r.depOptimized[i]))
  }
}

// ---------------------------------------------------------------------------------------------
// Table
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} Row
 * @property {string} label
 * @property {string} deck
 * @property {string} baseline
 * @property {string} ratio
 * @property {string} target
 * @property {'PASS' | 'FAIL' | 'n/a' | 'error' | ''} result
 * @property {number} [deckValue]
 * @property {number} [baselineValue]
 * @property {number} [ratioValue]
 * @property {boolean} [indent]
 */

const fmt = {
  /** @param {number} ms */
  s: ms => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '—'),
  /** @param {number} ms */
  ms: ms => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : '—'),
  /** @param {number} b */
  kB: b => (Number.isFinite(b) ? `${(b / 1000).toFixed(1)} kB` : '—'),
  /** @param {number} b */
  MB: b => (Number.isFinite(b) ? `${(b / 1_000_000).toFixed(2)} MB` : '—'),
  /** @param {number} r */
  x: r => (Number.isFinite(r) ? `${r.toFixed(2)}x` : '—'),
}

/**
 * @param {string} label
 * @param {number} deck
 * @param {number} baseline
 * @param {(v: number) => string} format
 * @param {number | undefined} maxRatio
 * @returns {Row}
 */
function ratioRow(label, deck, baseline, format, maxRatio) {
  const r = ratio(deck, baseline)
  /** @type {Row['result']} */
  let result = ''
  if (maxRatio !== undefined)
    result = Number.isFinite(r) ? (r <= maxRatio ? 'PASS' : 'FAIL') : 'error'
  return {
    label,
    deck: format(deck),
    baseline: format(baseline),
    ratio: fmt.x(r),
    target: maxRatio !== undefined ? `<= ${maxRatio}x` : '',
    result,
    deckValue: deck,
    baselineValue: baseline,
    ratioValue: r,
  }
}

/**
 * @param {any} results
 * @param {Record<string, string>} errors
 * @returns {Row[]}
 */
export function tableRows(results, errors) {
  /** @type {Row[]} */
  const rows = []
  /** @param {string} label */
  const errorRow = label => rows.push({ label, deck: 'error', baseline: '', ratio: '', target: '', result: 'error' })

  if (results.build) {
    rows.push(ratioRow(`Build time (slidev build ${results.build.flags.join(' ')})`.replace(/ \)$/, ')'), results.build.deck.median, results.build.baseline.median, fmt.s, TARGETS.buildRatio))
    if (Number.isFinite(results.build.deck.cpu))
      rows.push({ ...ratioRow('  CPU time (user+sys, less noisy)', results.build.deck.cpu, results.build.baseline.cpu, fmt.s, undefined), indent: true })
  }
  else if (errors.build)
    errorRow('Build time')

  if (results.load) {
    const { deck, baseline } = results.load
    rows.push(ratioRow('Bytes before slide 1 shown', deck.bytes, baseline.bytes, fmt.kB, TARGETS.bytesRatio))
    for (const [type, name] of [['js', 'JS'], ['css', 'CSS'], ['font', 'fonts'], ['html', 'HTML'], ['image', 'images'], ['other', 'other']]) {
      if ((deck.byType[type] ?? 0) === 0 && (baseline.byType[type] ?? 0) === 0)
        continue
      rows.push({ ...ratioRow(`  ${name}`, deck.byType[type], baseline.byType[type], fmt.kB, undefined), indent: true })
    }
    rows.push({ ...ratioRow('  (gzip estimate of the same files)', deck.gzip, baseline.gzip, fmt.kB, undefined), indent: true })
    rows.push({ ...ratioRow('  requests', deck.requests, baseline.requests, n => (Number.isFinite(n) ? String(Math.round(n)) : '—'), undefined), indent: true })
    const runs = results.load.deck.runs.length
    const chartJs = results.dist?.deck?.chartJsChunks ?? []
    rows.push({
      label: 'Chart.js fetched before slide 1',
      deck: chartJs.length === 0 ? 'no Chart.js chunk' : deck.chartJsBeforeSlide1 > 0 ? `yes (${deck.chartJsBeforeSlide1}/${runs} loads)` : `no (0/${runs} loads)`,
      baseline: 'n/a',
      ratio: '',
      target: 'not fetched',
      result: chartJs.length === 0 ? 'n/a' : deck.chartJsBeforeSlide1 === 0 ? 'PASS' : 'FAIL',
    })
    const comps = results.dist?.deck?.chartComponentChunks ?? []
    rows.push({
      label: 'Chart components fetched before slide 1',
      deck: comps.length === 0 ? 'no chart chunk' : deck.chartComponentsBeforeSlide1 > 0 ? `yes (${deck.chartComponentsBeforeSlide1}/${runs} loads)` : `no (0/${runs} loads)`,
      baseline: 'n/a',
      ratio: '',
      target: 'not fetched',
      result: comps.length === 0 ? 'n/a' : deck.chartComponentsBeforeSlide1 === 0 ? 'PASS' : 'FAIL',
    })
    rows.push(ratioRow('Cold load to first slide shown (fonts in)', deck.shownAt, baseline.shownAt, fmt.ms, TARGETS.coldLoadRatio))
    rows.push({ ...ratioRow('  slide 1 laid out (before fonts)', deck.visibleAt, baseline.visibleAt, fmt.ms, undefined), indent: true })
  }
  else if (errors.load) {
    errorRow('Bytes before slide 1 / cold load')
  }

  if (results.export) {
    const { deck, baseline } = results.export
    rows.push(ratioRow('PDF export time (slidev export)', deck.median, baseline.median, fmt.s, TARGETS.exportRatio))
    if (Number.isFinite(deck.cpu))
      rows.push({ ...ratioRow('  CPU time (user+sys, Chromium included)', deck.cpu, baseline.cpu, fmt.s, undefined), indent: true })
    if (deck.depOptimized.some(Boolean) || baseline.depOptimized.some(Boolean))
      rows.push({ ...ratioRow('  runs without Vite re-optimizing deps', deck.warmMedian, baseline.warmMedian, fmt.s, undefined), indent: true })
    const size = ratioRow('PDF size', deck.pdfBytes, baseline.pdfBytes, fmt.MB, undefined)
    size.target = `<= ${TARGETS.pdfBytes / 1_000_000} MB`
    size.result = deck.pdfBytes <= TARGETS.pdfBytes ? 'PASS' : 'FAIL'
    rows.push(size)
    rows.push({ ...ratioRow('  PDF pages', deck.pdfPages, baseline.pdfPages, n => String(n), undefined), indent: true })
  }
  else if (errors.export) {
    errorRow('PDF export')
  }

  if (results.chart) {
    const { offMode, modes } = results.chart
    /** @type {Record<string, string>} */
    const modeName = { animated: 'incl. animation', print: 'animation off: print flag', reduced: 'animation off: reduced motion' }
    const slides = results.chart.slides
    if (slides.length === 0)
      rows.push({ label: 'Chart drawn after entering its slide', deck: 'no chart slides', baseline: 'n/a', ratio: '', target: '', result: 'n/a' })
    for (const mode of modes) {
      const targeted = mode === offMode
      /** @type {number[]} */
      const medians = []
      for (const s of slides) {
        const m = s.modes[mode]
        const label = `  chart slide ${s.no} (${s.charts.join(', ')})`
        if (!m) {
          rows.push({ label, deck: s.error ?? '—', baseline: 'n/a', ratio: '', target: '', result: 'n/a', indent: true })
          continue
        }
        const ok = Number.isFinite(m.median)
        if (ok)
          medians.push(m.median)
        rows.push({
          label,
          deck: ok ? fmt.ms(m.median) : 'error',
          baseline: 'n/a',
          ratio: '',
          target: targeted ? `<= ${TARGETS.chartDrawnMs} ms` : '',
          result: !ok ? 'error' : targeted ? (m.median <= TARGETS.chartDrawnMs ? 'PASS' : 'FAIL') : '',
          deckValue: m.median,
          indent: true,
        })
      }
      if (slides.length > 0) {
        const max = medians.length === slides.filter(/** @param {any} s */ s => s.modes[mode]).length && medians.length > 0 ? Math.max(...medians) : Number.NaN
        const header = {
          label: `Chart drawn after entering its slide, ${modeName[mode] ?? mode} (max)`,
          deck: fmt.ms(max),
          baseline: 'n/a',
          ratio: '',
          target: targeted ? `<= ${TARGETS.chartDrawnMs} ms` : '',
          /** @type {Row['result']} */
          result: targeted ? (Number.isFinite(max) ? (max <= TARGETS.chartDrawnMs ? 'PASS' : 'FAIL') : 'error') : '',
          deckValue: max,
        }
        rows.splice(rows.length - slides.length, 0, header)
      }
    }
  }
  else if (errors.chart) {
    errorRow('Chart drawn after entering its slide')
  }
  return rows
}

/**
 * @param {Row[]} rows
 * @returns {string}
 */
export function renderTable(rows) {
  const head = ['', 'deck', 'baseline', 'deck/baseline', 'target', '']
  const body = rows.map(r => [r.label, r.deck, r.baseline, r.ratio, r.target, r.result])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map(b => (b[i] ?? '').length)))
  /** @param {string[]} cells */
  const line = cells => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd()
  const rule = widths.map(w => '-'.repeat(w)).join('  ')
  return [line(head), rule, ...body.map(line)].join('\n')
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

/** @param {string[]} args */
function gitOutput(args) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } })
  return r.status === 0 ? r.stdout.trim() : null
}

/** @param {string} file */
function takeLock(file) {
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim())
    let alive = false
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 0)
        alive = true
      }
      catch {}
    }
    if (alive)
      throw new Error(`Another bench is running (pid ${pid}); results would mix. Remove ${file} if that is wrong.`)
  }
  writeFileSync(file, String(process.pid))
}

/**
 * @param {string[]} argv
 * @returns {Promise<number>} exit code
 */
export async function main(argv) {
  const options = parseArgs(argv)
  const startedAt = new Date()
  const t0 = performance.now()
  mkdirSync(options.out, { recursive: true })
  const lock = path.join(options.out, '.bench.lock')
  takeLock(lock)

  /** @type {import('playwright-core').Browser | undefined} */
  let browser
  /** @type {Array<{ close: () => Promise<void> }>} */
  const servers = []
  const cleanup = async () => {
    for (const child of children)
      killGroup(child)
    await browser?.close().catch(() => {})
    for (const s of servers)
      await s.close().catch(() => {})
    rmSync(lock, { force: true })
  }
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    log(`${signal}: stopping`)
    void cleanup().finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  /** @type {any} */
  const results = {}
  /** @type {Record<string, string>} */
  const errors = {}
  /** @type {Record<string, any>} */
  const meta = {
    startedAt: startedAt.toISOString(),
    options: { ...options, entry: path.relative(ROOT, options.entry), out: path.relative(ROOT, options.out) },
    node: process.version,
    slidev: JSON.parse(readFileSync(require.resolve('@slidev/cli/package.json', { paths: [ROOT] }), 'utf8')).version,
    cpus: os.cpus().length,
    loadavgStart: os.loadavg().map(n => Number(n.toFixed(2))),
    commit: gitOutput(['rev-parse', '--short', 'HEAD']),
    uncommittedFiles: (gitOutput(['status', '--porcelain']) ?? '').split('\n').filter(Boolean).length,
  }

  try {
    // 0. Baseline deck
    const baselineDir = path.join(options.out, 'baseline')
    const baseline = await writeBaseline({ root: ROOT, entry: options.entry, dir: baselineDir })
    meta.baseline = { entry: path.relative(ROOT, baseline.entry), slides: baseline.slides, fontImports: baseline.fontImports }
    log(`baseline: ${baseline.slides} slides in ${path.relative(process.cwd(), baselineDir)}`)

    /** @type {Record<Which, Deck>} */
    const decks = {
      deck: { which: 'deck', label: 'deck', entry: options.entry, dist: path.join(options.out, 'dist-deck'), pdf: path.join(options.out, 'pdf', 'deck.pdf') },
      baseline: { which: 'baseline', label: 'baseline', entry: baseline.entry, dist: path.join(options.out, 'dist-baseline'), pdf: path.join(options.out, 'pdf', 'baseline.pdf') },
    }
    mkdirSync(path.join(options.out, 'pdf'), { recursive: true })

    // 1. Builds (the last one of each stays, and is what gets loaded)
    if (options.only.includes('build')) {
      try {
        await runBuilds(options, decks, results)
      }
      catch (error) {
        errors.build = messageOf(error)
        log(`build FAILED: ${errors.build}`)
      }
    }
    else if (options.only.includes('load') || options.only.includes('chart')) {
      // Never load a stale build: rebuild (untimed) what is loaded.
      for (const deck of Object.values(decks))
        rmSync(deck.dist, { recursive: true, force: true })
    }

    // 2, 3, 5. Browser measurements on the builds
    if (options.only.includes('load') || options.only.includes('chart')) {
      try {
        await ensureBuilt(options, decks)
        /** @type {Record<Which, DistInfo>} */
        const dists = { deck: inspectDist(decks.deck.dist), baseline: inspectDist(decks.baseline.dist) }
        results.dist = {
          deck: { ...dists.deck, sizes: undefined },
          baseline: { ...dists.baseline, sizes: undefined },
        }
        // Where Chart.js sits, and the same chunk's size without the charts (baseline).
        results.dist.chartJs = dists.deck.chartJsChunks.map((rel) => {
          const stem = chunkStem(rel)
          const twin = Object.keys(dists.baseline.sizes).find(b => chunkStem(b) === stem)
          return {
            chunk: rel,
            bytes: dists.deck.sizes[rel] ?? 0,
            baselineTwin: twin ?? null,
            baselineTwinBytes: twin ? dists.baseline.sizes[twin] ?? 0 : null,
            loadedByIndexHtml: dists.deck.entryAssets.includes(rel),
          }
        })
        results.dist.chartComponents = dists.deck.chartComponentChunks.map(rel => ({
          chunk: rel,
          bytes: dists.deck.sizes[rel] ?? 0,
          loadedByIndexHtml: dists.deck.entryAssets.includes(rel),
        }))

        browser = await launchChromium()
        meta.chromium = browser.version()
        const deckServer = await startServer({ dir: decks.deck.dist })
        servers.push(deckServer)
        const baselineServer = await startServer({ dir: decks.baseline.dist })
        servers.push(baselineServer)
        const urls = { deck: deckServer, baseline: baselineServer }

        const foundDeck = await findChartSlides(browser, deckServer.url)
        const foundBaseline = await findChartSlides(browser, baselineServer.url)
        results.slides = { deck: foundDeck.total, baseline: foundBaseline.total, chartSlides: foundDeck.chartSlides }
        if (foundDeck.total !== foundBaseline.total)
          log(`WARNING: the built deck has ${foundDeck.total} slides, the baseline ${foundBaseline.total}`)
        log(`chart slides: ${foundDeck.chartSlides.map(s => `${s.no} (${s.charts.join(', ')})`).join(', ') || 'none'}`)

        if (options.only.includes('load')) {
          try {
            await runLoads(options, decks, browser, urls, dists, results)
          }
          catch (error) {
            errors.load = messageOf(error)
            log(`load FAILED: ${errors.load}`)
          }
        }
        if (options.only.includes('chart')) {
          try {
            await runCharts(options, browser, urls, foundDeck, results)
          }
          catch (error) {
            errors.chart = messageOf(error)
            log(`chart FAILED: ${errors.chart}`)
          }
        }
      }
      catch (error) {
        errors.browser = messageOf(error)
        if (options.only.includes('load'))
          errors.load ??= errors.browser
        if (options.only.includes('chart'))
          errors.chart ??= errors.browser
        log(`browser measurements FAILED: ${errors.browser}`)
      }
      finally {
        await browser?.close().catch(() => {})
        browser = undefined
        for (const s of servers.splice(0))
          await s.close().catch(() => {})
      }
    }

    // 4. Exports
    if (options.only.includes('export')) {
      try {
        await runExports(options, decks, results)
      }
      catch (error) {
        errors.export = messageOf(error)
        log(`export FAILED: ${errors.export}`)
      }
    }
  }
  finally {
    await cleanup()
  }

  // Report
  const rows = tableRows(results, errors)
  meta.finishedAt = new Date().toISOString()
  meta.durationSec = Number(((performance.now() - t0) / 1000).toFixed(1))
  meta.loadavgEnd = os.loadavg().map(n => Number(n.toFixed(2)))
  const findings = explain(results)
  const failed = rows.filter(r => r.result === 'FAIL').map(r => r.label.trim())
  const report = { ...meta, targets: TARGETS, results, errors, rows, failed, findings }
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-')
  const jsonFile = path.join(options.out, `bench-${stamp}.json`)
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(path.join(options.out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`)

  const lines = [
    '',
    `Bench: deck (${path.relative(ROOT, options.entry)}) vs plain baseline of ${meta.baseline?.slides ?? '?'} slides — medians of ${[
      options.only.some(s => s === 'build' || s === 'export') && `${options.runs} build/export run(s)`,
      options.only.some(s => s === 'load' || s === 'chart') && `${options.loadRuns} load/chart run(s)`,
    ].filter(Boolean).join(', ')}`,
    `Node ${meta.node}, Slidev ${meta.slidev}, Chromium ${meta.chromium ?? '?'}, ${meta.cpus} CPUs, load average ${meta.loadavgStart[0]} -> ${meta.loadavgEnd[0]}, commit ${meta.commit ?? '?'}${meta.uncommittedFiles ? ` + ${meta.uncommittedFiles} uncommitted file(s)` : ''}`,
    '',
    renderTable(rows),
    '',
  ]
  if (results.chart?.note)
    lines.push(`Charts: ${results.chart.note}; "${results.chart.offMode ?? 'animated'}" is the mode checked against ${TARGETS.chartDrawnMs} ms.`)
  if (results.export && (results.export.deck.depOptimized.some(Boolean) || results.export.baseline.depOptimized.some(Boolean)))
    lines.push(`Note: Vite optimized dependencies during timed exports (deck: ${results.export.deck.depOptimized.filter(Boolean).length}, baseline: ${results.export.baseline.depOptimized.filter(Boolean).length} run(s)); those runs are slower.`)
  if (results.export) {
    for (const which of /** @type {Which[]} */ (['deck', 'baseline'])) {
      const blank = results.export[which].blankRuns
      if (blank.length > 0)
        lines.push(`Note: ${blank.length} ${which} export run(s) (${blank.join(', ')}) wrote a blank PDF (Slidev did not render the deck; it does not check); timed runs were repeated.`)
    }
  }
  for (const f of findings)
    lines.push(`Finding: ${f}`)
  for (const [section, message] of Object.entries(errors))
    lines.push(`Error (${section}): ${message.split('\n')[0]}`)
  lines.push(`Took ${(meta.durationSec / 60).toFixed(1)} min. Results: ${path.relative(process.cwd(), jsonFile)} (and latest.json)`)
  console.log(lines.join('\n'))

  if (Object.keys(errors).length > 0)
    return 1
  return options.strict && failed.length > 0 ? 1 : 0
}

/**
 * Plain-language reasons for what the numbers show (only what the measurements prove).
 * @param {any} results
 * @returns {string[]}
 */
function explain(results) {
  /** @type {string[]} */
  const out = []
  const chartJs = results.dist?.chartJs ?? []
  for (const c of chartJs) {
    const before = results.load?.deck?.chartJsBeforeSlide1 ?? 0
    if (!c.loadedByIndexHtml && before === 0)
      continue
    const extra = c.baselineTwinBytes != null ? ` (${(c.bytes / 1000).toFixed(1)} kB; the same chunk in the baseline is ${(c.baselineTwinBytes / 1000).toFixed(1)} kB, so Chart.js and friends add ~${((c.bytes - c.baselineTwinBytes) / 1000).toFixed(1)} kB to it)` : ` (${(c.bytes / 1000).toFixed(1)} kB)`
    out.push(`Chart.js is bundled into ${c.chunk}${extra}, which ${c.loadedByIndexHtml ? 'index.html loads up front (script/modulepreload)' : 'is fetched before slide 1 is shown'}.`)
    if (/modules\/vue/.test(c.chunk)) {
      out.push('Cause: Slidev\'s build puts every module whose id contains "/node_modules/vue" into the "modules/vue" chunk '
        + '(manualChunks with ASYNC_MODULES = [file-saver, vue, @vue]). "/node_modules/vue-chartjs/" matches that prefix, '
        + 'so vue-chartjs, and chart.js with it, land in the chunk every slide needs. '
        + 'Fix (deck side), either: a vite.config.ts plugin that wraps Slidev\'s manualChunks and returns undefined for chart.js, vue-chartjs and @kurkle/color '
        + '(they then go with the lazy chart component chunk); or drop vue-chartjs and create the chart with Chart.js directly in ChartFrame.vue '
        + '(new Chart(canvas, config) on mount, destroy on unmount, register BarController). '
        + 'Do not give them a named group of their own instead: Rolldown pulls a group\'s dependencies into it, so such a group took Vue along and was preloaded again.')
    }
  }
  if (results.export) {
    /** @type {string[][]} */
    const all = [...results.export.deck.lateDeps, results.export.deck.warmupLateDeps ?? []]
    const late = [...new Set(all.flat())]
    const runs = all.filter(d => d.length > 0).length
    if (late.length > 0) {
      out.push(`In ${runs} deck export run(s) (warm-up included), Vite discovered ${late.join(', ')} only when the chart slides rendered, bundled dependencies again and reloaded the page mid-export. `
        + 'It happens whenever the dev-server dependency cache (node_modules/.vite) is cold or was invalidated (other dev servers, exports and vitest share it). '
        + `Fix (deck side): optimizeDeps: { include: [${late.map(d => `'${d}'`).join(', ')}] } in vite.config.ts, so they are pre-bundled on the first pass.`)
    }
  }
  const build = results.build
  if (build) {
    const wall = ratio(build.deck.median, build.baseline.median)
    const cpu = ratio(build.deck.cpu, build.baseline.cpu)
    if (wall > TARGETS.buildRatio && Number.isFinite(cpu)) {
      out.push(cpu <= TARGETS.buildRatio
        ? `Build: the wall-time ratio (${wall.toFixed(2)}x) fails but the CPU-time ratio (${cpu.toFixed(2)}x) is within ${TARGETS.buildRatio}x: other work on the machine stretched the deck's builds; measure again on a quiet machine.`
        : `Build: the CPU-time ratio (${cpu.toFixed(2)}x) fails too, so the deck's build really does more work than the baseline's (see the logs in bench-results/logs/ for the slowest plugins).`)
    }
  }
  const comps = results.dist?.chartComponents ?? []
  for (const c of comps) {
    if (c.loadedByIndexHtml)
      out.push(`The chart components (${c.chunk}) are loaded by index.html: a global import (setup/, a global layer or a layout) pulls them onto every slide.`)
  }
  if (results.chart?.offMode === 'print') {
    /** @type {number[]} */
    const animated = (results.chart.slides ?? []).map(/** @param {any} s */ s => s.modes?.animated?.median).filter(Number.isFinite)
    const worst = animated.length ? ` (drawn ${Math.round(Math.max(...animated))} ms after entering, at worst, in this run)` : ''
    out.push(`The chart component turns animation off only in print mode (isPrintMode), and does not look at prefers-reduced-motion: when presenting, every chart slide plays its entry animation before it counts as drawn${worst}. The ${TARGETS.chartDrawnMs} ms target is checked with the print flag.`)
  }
  return out
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  }, (error) => {
    console.error(messageOf(error))
    process.exitCode = 1
  })
}
