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
//   search    the presenter's search, per keystroke (scripts/bench-search.mjs; the deck only)
// Everything goes to bench-results/bench-<time>.json and bench-results/latest.json.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { searchKeystrokes } from './bench-search.mjs'
import { launchChromium, requireChromium } from './chromium.mjs'
import { deckSlides } from './export-checks.mjs'
import { startServer } from './preview.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const OUT = path.join(ROOT, 'bench-results')
const TARGETS = { build: 1.3, bytes: 1.1, load: 1.15, export: 1.5, chartMs: 100, keystrokeMs: 100 }
/** A string only Chart.js contains, and that survives minification. */
const CHARTJS = 'Canvas is already in use'
const SLIDEV = path.join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' }, only: { type: 'string', default: 'build,load,chart,export,search' } } })
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
  const run = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...env, CI: 'true' } })
  if (run.status !== 0)
    throw new Error(`${command} ${argv.join(' ')} failed (${run.signal ?? run.status}):\n${run.stderr.slice(-2500)}\n${run.stdout.slice(-500)}`)
  return performance.now() - started
}

/** The baseline deck: same length, titles, headmatter and fonts as slides.md; plain text only. */
function writeBaseline(/** @type {string} */ dir) {
  const slides = deckSlides()
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'styles'), { recursive: true })
  const fonts = [...readFileSync(path.join(ROOT, 'styles', 'index.css'), 'utf8').matchAll(/^@import\s+['"](@fontsource[^'"]+)['"];/gm)].map(m => `@import '${m[1]}';`)
  writeFileSync(path.join(dir, 'styles', 'index.css'), `${fonts.join('\n')}\n.slidev-layout { font-family: 'Inter', system-ui, sans-serif; }\n`)
  if (existsSync(path.join(ROOT, 'public')))
    cpSync(path.join(ROOT, 'public'), path.join(dir, 'public'), { recursive: true })
  const text = 'A plain paragraph of slide text, about as long as a lede on the real deck.\n\n- **First point**: a short sentence with one bold phrase\n- **Second point**: another line of ordinary slide text\n- **Third point**: a bullet that carries a figure, like 10 billion\n- A last bullet with no emphasis at all\n'
  const body = slides.map((s, i) => `# ${(s.title ?? `Slide ${i + 1}`).replace(/\n/g, ' ')}\n\n${text}`)
  writeFileSync(path.join(dir, 'slides.md'), `---\n${slides[0]?.frontmatterRaw?.trim() ?? ''}\n---\n\n${body.join('\n---\n\n')}`)
  return slides.length
}

/** A fresh context (empty cache) loads the deck; resolves when slide 1 is visible with its fonts in. */
async function coldLoad(/** @type {import('playwright-core').Browser} */ browser, /** @type {string} */ url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' })
  try {
    await context.addInitScript(() => {
      const tick = () => {
        const slide = document.querySelector('#slideshow [data-slidev-no="1"] .slidev-layout')
        if (slide && slide.getBoundingClientRect().width > 0 && slide.textContent?.trim())
          return void document.fonts.ready.then(() => requestAnimationFrame(() => { Object.assign(window, { __shownAt: performance.now() }) }))
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => '__shownAt' in window, null, { timeout: 60_000, polling: 50 })
    return await page.evaluate(() => {
      const shownAt = /** @type {number} */ (/** @type {any} */ (window).__shownAt)
      const entries = /** @type {PerformanceResourceTiming[]} */ ([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')])
      const before = entries.filter(e => e.responseEnd <= shownAt)
      const sum = (/** @type {'decodedBodySize' | 'encodedBodySize'} */ key) => before.reduce((total, e) => total + e[key], 0)
      return { shownAt, bytes: sum('decodedBodySize'), compressed: sum('encodedBodySize'), paths: before.map(e => new URL(e.name).pathname) }
    })
  }
  finally {
    await context.close()
  }
}

/** The slides of a built deck that show a chart: a `data-waitfor` frame holding a canvas. */
async function chartSlides(/** @type {import('playwright-core').Browser} */ browser, /** @type {string} */ url) {
  const page = await browser.newPage()
  // ?print mounts every slide at once (hidden but the current one): enough to look inside them.
  await page.goto(`${url}1?print`, { waitUntil: 'networkidle' })
  await page.waitForFunction(() => !document.querySelector('.slidev-slide-loading'), null, { polling: 100 })
  const found = await page.$$eval('#slideshow [data-slidev-no]', els => els.filter(el => el.querySelector('[data-waitfor] canvas')).map(el => Number(el.getAttribute('data-slidev-no'))))
  await page.close()
  if (!found.length)
    throw new Error('no slide of the built deck has a chart (a [data-waitfor] element holding a canvas)')
  return [...new Set(found)].sort((a, b) => a - b)
}

/** ms from ArrowRight on slide no-1 (all clicks shown) to every `data-waitfor` target on slide no visible. */
async function chartDrawn(/** @type {import('playwright-core').Browser} */ browser, /** @type {string} */ url, /** @type {number} */ no) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' })
  try {
    const page = await context.newPage()
    await page.goto(`${url}${no - 1}?clicks=99`)
    // Ready as when presenting: the chart slide already mounted (hidden), fonts in, network quiet.
    await page.waitForFunction(n => !!document.querySelector(`#slideshow [data-slidev-no="${n}"] [data-waitfor]`) && document.fonts.status === 'loaded', no, { polling: 100 })
    await page.waitForLoadState('networkidle')
    await page.evaluate((n) => {
      const state = { t0: 0, drawnAt: 0 }
      Object.assign(window, { __chart: state })
      addEventListener('keydown', (e) => {
        state.t0 ||= e.timeStamp || performance.now()
      }, { capture: true })
      const visible = (/** @type {Element | null} */ el) => !!el && el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden'
      const tick = () => {
        const slide = document.querySelector(`#slideshow [data-slidev-no="${n}"]`)
        const frames = [...slide?.querySelectorAll('[data-waitfor]') ?? []]
        if (state.t0 && visible(slide) && frames.every(f => visible(f.querySelector(f.getAttribute('data-waitfor') ?? ''))))
          return void (state.drawnAt = performance.now())
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    }, no)
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => /** @type {any} */ (window).__chart.drawnAt > 0, null, { polling: 50 })
    return await page.evaluate(() => /** @type {any} */ (window).__chart.drawnAt - /** @type {any} */ (window).__chart.t0)
  }
  finally {
    await context.close()
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true })
  const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts
  const buildFlags = (scripts.build ?? '').replace(/^slidev build\s*/, '').split(/\s+/).filter(Boolean)
  const slideCount = writeBaseline(path.join(OUT, 'baseline'))
  const decks = {
    // The deck's PDF is the file `npm run export` names.
    deck: { entry: 'slides.md', dist: path.join(OUT, 'dist-deck'), pdf: path.join(ROOT, scripts.export?.match(/\S+\.pdf\b/)?.[0] ?? 'no-pdf-named-in-npm-run-export') },
    baseline: { entry: path.relative(ROOT, path.join(OUT, 'baseline', 'slides.md')), dist: path.join(OUT, 'dist-baseline'), pdf: path.join(OUT, 'baseline.pdf') },
  }
  const build = (/** @type {Which} */ which) => timed(process.execPath, [SLIDEV, 'build', decks[which].entry, ...buildFlags, '--out', decks[which].dist])
  /** @type {Record<string, any>} */
  const results = { slides: slideCount, runs: RUNS, node: process.version, cpus: os.cpus().length, loadavgStart: os.loadavg()[0], errors: {} }
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
    const servers = { deck: await startServer({ dir: decks.deck.dist }), baseline: await startServer({ dir: decks.baseline.dist }) }
    const browser = await launchChromium()
    try {
      if (ONLY.has('load')) {
        const chartChunks = readdirSync(decks.deck.dist, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.js') && readFileSync(path.join(decks.deck.dist, f), 'utf8').includes(CHARTJS))
        const loads = { deck: /** @type {Awaited<ReturnType<typeof coldLoad>>[]} */ ([]), baseline: /** @type {Awaited<ReturnType<typeof coldLoad>>[]} */ ([]) }
        for (let i = 0; i < Math.max(RUNS, 5); i++) {
          for (const which of order(i))
            loads[which].push(await coldLoad(browser, servers[which].url))
        }
        const summary = (/** @type {Which} */ which) => {
          const runs = loads[which].map(({ paths: _paths, ...run }) => run)
          return { shownAt: median(runs.map(r => r.shownAt)), bytes: median(runs.map(r => r.bytes)), compressed: median(runs.map(r => r.compressed)), runs }
        }
        const chartJsBeforeSlide1 = loads.deck.filter(l => l.paths.some(p => chartChunks.some(c => p.endsWith(`/${c}`)))).length
        results.load = { deck: summary('deck'), baseline: summary('baseline'), chartJsChunks: chartChunks, chartJsBeforeSlide1, filesBeforeSlide1: loads.deck[0]?.paths }
        log(`cold load: deck ${results.load.deck.shownAt.toFixed(0)} ms, baseline ${results.load.baseline.shownAt.toFixed(0)} ms`)
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
          : timed(process.execPath, [SLIDEV, 'export', decks.baseline.entry, '--executable-path', chromium, '--output', decks.baseline.pdf])
      }
      catch (error) {
        failures[which]++
        log(`${which} export failed${retry ? ', trying once more' : ''}: ${String(error).split('\n').slice(0, 3).join(' ')}`)
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
    const pages = (/** @type {string} */ pdf) => Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)?.[1])
    results.export = { runs, failures, deck: median(runs.deck), baseline: median(runs.baseline), deckPages: pages(decks.deck.pdf) }
    Object.assign(results.export, { deckBytes: statSync(decks.deck.pdf).size, baselineBytes: statSync(decks.baseline.pdf).size })
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
  const ratioRow = (/** @type {string} */ label, /** @type {number} */ deck, /** @type {number} */ baseline, /** @type {(v: number) => string} */ unit, /** @type {number} */ target) => {
    const ratio = deck / baseline
    rows.push([label, unit(deck), unit(baseline), `${ratio.toFixed(2)}x`, `≤ ${target}x`, ratio <= target ? 'met' : 'NOT met'])
  }
  if (r.build)
    ratioRow(`build (\`slidev build ${r.build.flags.join(' ')}\`)`, r.build.deck, r.build.baseline, s, TARGETS.build)
  if (r.load) {
    ratioRow('bytes before slide 1 is shown', r.load.deck.bytes, r.load.baseline.bytes, kB, TARGETS.bytes)
    rows.push(['… as sent (vite preview compresses)', kB(r.load.deck.compressed), kB(r.load.baseline.compressed), `${(r.load.deck.compressed / r.load.baseline.compressed).toFixed(2)}x`, '', ''])
    const chartJs = r.load.chartJsChunks.length === 0 ? 'no Chart.js chunk found' : `${r.load.chartJsBeforeSlide1 ? 'yes' : 'no'} (${r.load.chartJsBeforeSlide1}/${r.load.deck.runs.length} loads)`
    rows.push(['Chart.js among them', chartJs, 'n/a', '', 'no', r.load.chartJsChunks.length === 0 ? 'n/a' : r.load.chartJsBeforeSlide1 ? 'NOT met' : 'met'])
    ratioRow('cold load to slide 1 shown, fonts in', r.load.deck.shownAt, r.load.baseline.shownAt, ms, TARGETS.load)
  }
  if (r.export) {
    ratioRow('PDF export (`npm run export` vs `slidev export`)', r.export.deck, r.export.baseline, s, TARGETS.export)
    rows.push(['PDF size', MB(r.export.deckBytes), MB(r.export.baselineBytes), '', '', `${r.export.deckPages} pages`])
  }
  if (r.chart) {
    const worst = Math.max(...Object.values(r.chart).map((/** @type {any} */ c) => c.median))
    rows.push([`chart drawn after entering its slide, animation off (worst of ${Object.keys(r.chart).length})`, ms(worst), 'n/a', '', `≤ ${TARGETS.chartMs} ms`, worst <= TARGETS.chartMs ? 'met' : 'NOT met'])
  }
  if (r.search)
    rows.push([`search, keystroke to results painted (median; worst of ${r.search.keystrokes})`, `${ms(r.search.median)}; ${ms(r.search.worst)}`, 'n/a', '', `≤ ${TARGETS.keystrokeMs} ms`, r.search.worst <= TARGETS.keystrokeMs ? 'met' : 'NOT met'])
  console.log(['| figure | deck | baseline | ratio | target | |', '| --- | --- | --- | --- | --- | --- |', ...rows.map(row => `| ${row.join(' | ')} |`)].join('\n'))
  console.log(`\n${r.runs} run(s), ${r.slides} slides, Node ${r.node}, ${r.cpus} CPUs, load average ${r.loadavgStart.toFixed(1)} -> ${r.loadavgEnd.toFixed(1)}`)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
