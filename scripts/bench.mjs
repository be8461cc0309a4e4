// @ts-check
// What the deck costs against a plain Slidev deck of the same length:
//   npm run bench [-- --runs 3] [--only build,load,chart,export]
// Generates bench-results/baseline/ (as many slides as slides.md, each its real title, a lede and
// four bullets; the deck's headmatter, fonts and favicon; no components, charts or setup code), then
// measures both decks, alternating which goes first, and prints medians and ratios:
//   build     `slidev build` with the flags of `npm run build`
//   load      cold loads (at least 5; fresh context, empty cache, vite preview) to slide 1 shown with its
//             fonts: the time, the bytes fetched before it, and whether a Chart.js chunk was among them
//   chart     per chart slide, ArrowRight from the slide before to every `data-waitfor` target
//             visible, with reduced motion (the deck's charts then draw without animation)
//   export    `npm run export` (its checks included) against `slidev export` of the baseline
//   search    the presenter's search, per keystroke (scripts/bench-browser.mjs; the deck only)
// Everything goes to bench-results/bench-<time>.json and bench-results/latest.json.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { chartDrawn, chartSlides, coldLoad, searchKeystrokes } from './bench-browser.mjs'
import { launchChromium, requireChromium } from './chromium.mjs'
import { deckSlides } from './export-checks.mjs'
import { startServer } from './preview.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const OUT = path.join(ROOT, 'bench-results')
const TARGETS = { build: 1.3, bytes: 1.1, load: 1.15, export: 1.5, chartMs: 100, keystrokeMs: 100 }
/** A string only Chart.js contains, and that survives minification. */
const CHARTJS = 'Canvas is already in use'
const SLIDEV = path.join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')

const { values: args } = parseArgs({ options: {
  runs: { type: 'string', default: '3' },
  only: { type: 'string', default: 'build,load,chart,export,search' },
} })
const RUNS = Math.max(1, Number(args.runs) || 1)
const ONLY = new Set(args.only.split(','))

const log = (/** @type {string} */ message) => process.stderr.write(`[bench] ${message}\n`)
/** @param {number[]} values */
const median = values => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN
/** @typedef {'deck' | 'baseline'} Which */
/** Alternation: the deck first on even runs, the baseline first on odd ones. @returns {Which[]} */
const order = (/** @type {number} */ i) => (i % 2 ? ['baseline', 'deck'] : ['deck', 'baseline'])

/** Runs a command to completion; returns its wall time in ms, throws with its output on failure. */
function timed(/** @type {string} */ command, /** @type {string[]} */ argv) {
  const started = performance.now()
  // Without NODE_ENV: Vite's preview() sets it to production in this process, and a Slidev dev server
  // (slidev export) started with it renders a blank page.
  const { NODE_ENV: _nodeEnv, ...env } = process.env
  env.CI = 'true'
  const run = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, env })
  if (run.status !== 0) {
    const output = `${run.stderr.slice(-2500)}\n${run.stdout.slice(-500)}`
    throw new Error(`${command} ${argv.join(' ')} failed (${run.signal ?? run.status}):\n${output}`)
  }
  return performance.now() - started
}

/** The baseline deck: same length, titles, headmatter and fonts as slides.md; plain text only. */
function writeBaseline(/** @type {string} */ dir) {
  const slides = deckSlides()
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'styles'), { recursive: true })
  const css = readFileSync(path.join(ROOT, 'styles', 'index.css'), 'utf8')
  const fonts = [...css.matchAll(/^@import\s+['"](@fontsource[^'"]+)['"];/gm)].map(m => `@import '${m[1]}';\n`)
  const family = `.slidev-layout { font-family: 'Inter', system-ui, sans-serif; }\n`
  writeFileSync(path.join(dir, 'styles', 'index.css'), `${fonts.join('')}${family}`)
  if (existsSync(path.join(ROOT, 'public')))
    cpSync(path.join(ROOT, 'public'), path.join(dir, 'public'), { recursive: true })
  const text = [
    'A plain paragraph of slide text, about as long as a lede on the real deck.\n',
    '- **First point**: a short sentence with one bold phrase',
    '- **Second point**: another line of ordinary slide text',
    '- **Third point**: a bullet that carries a figure, like 10 billion',
    '- A last bullet with no emphasis at all\n',
  ].join('\n')
  const body = slides.map((s, i) => `# ${(s.title ?? `Slide ${i + 1}`).replace(/\n/g, ' ')}\n\n${text}`)
  const headmatter = slides[0]?.frontmatterRaw?.trim() ?? ''
  writeFileSync(path.join(dir, 'slides.md'), `---\n${headmatter}\n---\n\n${body.join('\n---\n\n')}`)
  return slides.length
}

async function main() {
  mkdirSync(OUT, { recursive: true })
  const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts
  const buildFlags = (scripts.build ?? '').replace(/^slidev build\s*/, '').split(/\s+/).filter(Boolean)
  const slideCount = writeBaseline(path.join(OUT, 'baseline'))
  const decks = {
    // The deck's PDF is the file `npm run export` names.
    deck: {
      entry: 'slides.md',
      dist: path.join(OUT, 'dist-deck'),
      pdf: path.join(ROOT, scripts.export?.match(/\S+\.pdf\b/)?.[0] ?? 'no-pdf-named-in-npm-run-export'),
    },
    baseline: {
      entry: path.relative(ROOT, path.join(OUT, 'baseline', 'slides.md')),
      dist: path.join(OUT, 'dist-baseline'),
      pdf: path.join(OUT, 'baseline.pdf'),
    },
  }
  const build = (/** @type {Which} */ which) =>
    timed(process.execPath, [SLIDEV, 'build', decks[which].entry, ...buildFlags, '--out', decks[which].dist])
  /** @type {Record<string, any>} */
  const results = { slides: slideCount, runs: RUNS, node: process.version, cpus: os.cpus().length, errors: {} }
  results.loadavgStart = os.loadavg()[0]
  /** Runs one section; a failure is recorded (the run then exits 1) and the other sections still run. */
  const attempt = async (/** @type {string} */ name, /** @type {() => Promise<void>} */ measure) => {
    if (!name.split('|').some(n => ONLY.has(n)))
      return
    await measure().catch((error) => {
      results.errors[name] = error instanceof Error ? error.message : String(error)
      log(`${name} FAILED: ${results.errors[name]}`)
    })
  }

  await attempt('build', async () => {
    // One untimed build each first: the first build after an install pays for cold caches.
    order(0).forEach(which => build(which))
    const runs = { deck: /** @type {number[]} */ ([]), baseline: /** @type {number[]} */ ([]) }
    for (let i = 0; i < RUNS; i++) {
      for (const which of order(i)) {
        runs[which].push(build(which))
        log(`build ${i + 1}/${RUNS} ${which}: ${(runs[which].at(-1) ?? 0).toFixed(0)} ms`)
      }
    }
    results.build = { flags: buildFlags, runs, deck: median(runs.deck), baseline: median(runs.baseline) }
  })

  await attempt('load|chart', async () => {
    order(0).filter(which => !existsSync(path.join(decks[which].dist, 'index.html'))).forEach(which => build(which))
    const servers = {
      deck: await startServer({ dir: decks.deck.dist }),
      baseline: await startServer({ dir: decks.baseline.dist }),
    }
    const browser = await launchChromium()
    try {
      if (ONLY.has('load')) {
        const chartChunks = readdirSync(decks.deck.dist, { recursive: true, encoding: 'utf8' })
          .filter(f => f.endsWith('.js') && readFileSync(path.join(decks.deck.dist, f), 'utf8').includes(CHARTJS))
        /** @type {Record<Which, Awaited<ReturnType<typeof coldLoad>>[]>} */
        const loads = { deck: [], baseline: [] }
        for (let i = 0; i < Math.max(RUNS, 5); i++) {
          for (const which of order(i))
            loads[which].push(await coldLoad(browser, servers[which].url))
        }
        const summary = (/** @type {Which} */ which) => {
          const runs = loads[which].map(({ paths: _paths, ...run }) => run)
          const of = (/** @type {'shownAt' | 'bytes' | 'compressed'} */ key) => median(runs.map(r => r[key]))
          return { shownAt: of('shownAt'), bytes: of('bytes'), compressed: of('compressed'), runs }
        }
        const chartJsBeforeSlide1 = loads.deck
          .filter(l => l.paths.some(p => chartChunks.some(c => p.endsWith(`/${c}`))))
          .length
        const [deck, baseline] = [summary('deck'), summary('baseline')]
        const filesBeforeSlide1 = loads.deck[0]?.paths
        results.load = { deck, baseline, chartJsChunks: chartChunks, chartJsBeforeSlide1, filesBeforeSlide1 }
        log(`cold load: deck ${deck.shownAt.toFixed(0)} ms, baseline ${baseline.shownAt.toFixed(0)} ms`)
      }
      if (ONLY.has('chart')) {
        const slides = await chartSlides(browser, servers.deck.url)
        results.chart = {}
        for (const no of slides) {
          const times = []
          for (let i = 0; i < Math.max(RUNS, 5); i++)
            times.push(await chartDrawn(browser, servers.deck.url, no))
          results.chart[no] = { median: median(times), runs: times }
          log(`chart on slide ${no} drawn ${median(times).toFixed(0)} ms after ArrowRight`)
        }
      }
    }
    finally {
      await browser.close()
      await Promise.all(Object.values(servers).map(s => s.close()))
    }
  })

  await attempt('export', async () => {
    const chromium = requireChromium()
    const failures = { deck: 0, baseline: 0 }
    /** One export; a failed one is counted and tried once more (a busy machine can time Slidev out). */
    const exportPdf = (/** @type {Which} */ which, retry = true) => {
      rmSync(decks[which].pdf, { force: true })
      try {
        return which === 'deck'
          ? timed('npm', ['run', '--silent', 'export'])
          : timed(process.execPath, [
              SLIDEV,
              'export',
              decks.baseline.entry,
              '--executable-path',
              chromium,
              '--output',
              decks.baseline.pdf,
            ])
      }
      catch (error) {
        failures[which]++
        const why = String(error).split('\n').slice(0, 3).join(' ')
        log(`${which} export failed${retry ? ', trying once more' : ''}: ${why}`)
        if (!retry)
          throw error
        return exportPdf(which, false)
      }
    }
    // One untimed export each first: Vite's dependency optimisation on a cold cache is not the cost of an export.
    exportPdf('deck')
    exportPdf('baseline')
    const runs = { deck: /** @type {number[]} */ ([]), baseline: /** @type {number[]} */ ([]) }
    for (let i = 0; i < RUNS; i++) {
      for (const which of order(i)) {
        runs[which].push(exportPdf(which))
        log(`export ${i + 1}/${RUNS} ${which}: ${(runs[which].at(-1) ?? 0).toFixed(0)} ms`)
      }
    }
    const info = execFileSync('pdfinfo', [decks.deck.pdf], { encoding: 'utf8' })
    results.export = { runs, failures, deck: median(runs.deck), baseline: median(runs.baseline) }
    Object.assign(results.export, {
      deckPages: Number(info.match(/^Pages:\s+(\d+)/m)?.[1]),
      deckBytes: statSync(decks.deck.pdf).size,
      baselineBytes: statSync(decks.baseline.pdf).size,
    })
  })

  await attempt('search', async () => {
    results.search = await searchKeystrokes(ROOT, SLIDEV, path.join(OUT, 'dist-presenter'))
  })

  results.loadavgEnd = os.loadavg()[0]
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  for (const name of [`bench-${stamp}.json`, 'latest.json'])
    writeFileSync(path.join(OUT, name), `${JSON.stringify(results, null, 2)}\n`)
  printTable(results)
  for (const [name, message] of Object.entries(results.errors))
    console.log(`\n${name} could not be measured: ${message.split('\n').slice(0, 12).join('\n')}`)
  process.exitCode = Object.keys(results.errors).length ? 1 : 0
}

/** Prints the figures as a markdown table (the README's). */
function printTable(/** @type {Record<string, any>} */ r) {
  const s = (/** @type {number} */ v) => `${(v / 1000).toFixed(1)} s`
  const ms = (/** @type {number} */ v) => `${v.toFixed(0)} ms`
  const kB = (/** @type {number} */ b) => `${(b / 1000).toFixed(0)} kB`
  const MB = (/** @type {number} */ b) => `${(b / 1e6).toFixed(2)} MB`
  /** @type {string[][]} */
  const rows = []
  const met = (/** @type {boolean} */ ok) => (ok ? 'met' : 'NOT met')
  /** @type {(label: string, deck: number, baseline: number, unit: (v: number) => string, target: number) => void} */
  const ratioRow = (label, deck, baseline, unit, target) => {
    const ratio = deck / baseline
    rows.push([label, unit(deck), unit(baseline), `${ratio.toFixed(2)}x`, `≤ ${target}x`, met(ratio <= target)])
  }
  if (r.build)
    ratioRow(`build (\`slidev build ${r.build.flags.join(' ')}\`)`, r.build.deck, r.build.baseline, s, TARGETS.build)
  if (r.load) {
    ratioRow('bytes before slide 1 is shown', r.load.deck.bytes, r.load.baseline.bytes, kB, TARGETS.bytes)
    const [deck, baseline] = [r.load.deck.compressed, r.load.baseline.compressed]
    const ratio = `${(deck / baseline).toFixed(2)}x`
    rows.push(['… as sent (vite preview compresses)', kB(deck), kB(baseline), ratio, '', ''])
    const before = r.load.chartJsBeforeSlide1
    if (r.load.chartJsChunks.length === 0) {
      rows.push(['Chart.js among them', 'no Chart.js chunk found', 'n/a', '', 'no', 'n/a'])
    }
    else {
      const shown = `${before ? 'yes' : 'no'} (${before}/${r.load.deck.runs.length} loads)`
      rows.push(['Chart.js among them', shown, 'n/a', '', 'no', met(!before)])
    }
    ratioRow('cold load to slide 1 shown, fonts in', r.load.deck.shownAt, r.load.baseline.shownAt, ms, TARGETS.load)
  }
  if (r.export) {
    ratioRow('PDF export (`npm run export` vs `slidev export`)', r.export.deck, r.export.baseline, s, TARGETS.export)
    rows.push(['PDF size', MB(r.export.deckBytes), MB(r.export.baselineBytes), '', '', `${r.export.deckPages} pages`])
  }
  if (r.chart) {
    const worst = Math.max(...Object.values(r.chart).map((/** @type {any} */ c) => c.median))
    const label = `chart drawn after entering its slide, animation off (worst of ${Object.keys(r.chart).length})`
    rows.push([label, ms(worst), 'n/a', '', `≤ ${TARGETS.chartMs} ms`, met(worst <= TARGETS.chartMs)])
  }
  if (r.search) {
    const { keystrokes, median, worst } = r.search
    const label = `search, keystroke to results painted (median; worst of ${keystrokes})`
    const target = TARGETS.keystrokeMs
    rows.push([label, `${ms(median)}; ${ms(worst)}`, 'n/a', '', `≤ ${target} ms`, met(worst <= target)])
  }
  const table = ['| figure | deck | baseline | ratio | target | |', '| --- | --- | --- | --- | --- | --- |']
  console.log([...table, ...rows.map(row => `| ${row.join(' | ')} |`)].join('\n'))
  const load = `load average ${r.loadavgStart.toFixed(1)} -> ${r.loadavgEnd.toFixed(1)}`
  console.log(`\n${r.runs} run(s), ${r.slides} slides, Node ${r.node}, ${r.cpus} CPUs, ${load}`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
