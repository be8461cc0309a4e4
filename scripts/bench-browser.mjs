// @ts-check
// The browser measurements of `npm run bench`: a cold load to slide 1, the chart slides of a build, the
// time to a drawn chart, and the presenter's search per keystroke (a keystroke counts from its keydown
// to the frame after it, painted with the updated results).
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { launchChromium } from './chromium.mjs'
import { startServer } from './preview.mjs'

const QUERIES = ['microsoft block', 'trainium', 'azure credits', 'graphics processors', 'zeppelin']

/** A fresh context (empty cache) loads the deck; resolves when slide 1 is visible with its fonts in. */
export async function coldLoad(/** @type {import('playwright-core').Browser} */ browser, /** @type {string} */ url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' })
  try {
    await context.addInitScript(() => {
      const tick = () => {
        const slide = document.querySelector('#slideshow [data-slidev-no="1"] .slidev-layout')
        if (slide && slide.getBoundingClientRect().width > 0 && slide.textContent?.trim()) {
          return void document.fonts.ready.then(() => requestAnimationFrame(() => {
            Object.assign(window, { __shownAt: performance.now() })
          }))
        }
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForFunction(() => '__shownAt' in window, null, { timeout: 60_000, polling: 50 })
    return await page.evaluate(() => {
      const shownAt = /** @type {number} */ (/** @type {any} */ (window).__shownAt)
      const entries = /** @type {PerformanceResourceTiming[]} */ ([
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ])
      const before = entries.filter(e => e.responseEnd <= shownAt)
      const sum = (/** @type {'decodedBodySize' | 'encodedBodySize'} */ key) =>
        before.reduce((total, e) => total + e[key], 0)
      const paths = before.map(e => new URL(e.name).pathname)
      return { shownAt, bytes: sum('decodedBodySize'), compressed: sum('encodedBodySize'), paths }
    })
  }
  finally {
    await context.close()
  }
}

/** The slides of a built deck that show a chart: a `data-waitfor` frame holding a canvas. */
export async function chartSlides(/** @type {import('playwright-core').Browser} */ browser, /** @type {string} */ url) {
  const page = await browser.newPage()
  // ?print mounts every slide at once (hidden but the current one): enough to look inside them.
  await page.goto(`${url}1?print`, { waitUntil: 'networkidle' })
  await page.waitForFunction(() => !document.querySelector('.slidev-slide-loading'), null, { polling: 100 })
  const found = await page.$$eval('#slideshow [data-slidev-no]', els => els
    .filter(el => el.querySelector('[data-waitfor] canvas'))
    .map(el => Number(el.getAttribute('data-slidev-no'))))
  await page.close()
  if (!found.length)
    throw new Error('no slide of the built deck has a chart (a [data-waitfor] element holding a canvas)')
  return [...new Set(found)].sort((a, b) => a - b)
}

/**
 * ms from ArrowRight on slide no-1 (all clicks shown) to every `data-waitfor` target on slide no visible.
 * @param {import('playwright-core').Browser} browser @param {string} url @param {number} no
 */
export async function chartDrawn(browser, url, no) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' })
  try {
    const page = await context.newPage()
    await page.goto(`${url}${no - 1}?clicks=99`)
    // Ready as when presenting: the chart slide already mounted (hidden), fonts in, network quiet.
    await page.waitForFunction(n => document.fonts.status === 'loaded'
      && !!document.querySelector(`#slideshow [data-slidev-no="${n}"] [data-waitfor]`), no, { polling: 100 })
    await page.waitForLoadState('networkidle')
    await page.evaluate((n) => {
      const state = { t0: 0, drawnAt: 0 }
      Object.assign(window, { __chart: state })
      addEventListener('keydown', (e) => {
        state.t0 ||= e.timeStamp || performance.now()
      }, { capture: true })
      const visible = (/** @type {Element | null} */ el) =>
        !!el && el.getBoundingClientRect().width > 0 && getComputedStyle(el).visibility !== 'hidden'
      const tick = () => {
        const slide = document.querySelector(`#slideshow [data-slidev-no="${n}"]`)
        const frames = [...slide?.querySelectorAll('[data-waitfor]') ?? []]
        const drawn = frames.every(f => visible(f.querySelector(f.getAttribute('data-waitfor') ?? '')))
        if (state.t0 && visible(slide) && drawn)
          return void (state.drawnAt = performance.now())
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    }, no)
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => /** @type {any} */ (window).__chart.drawnAt > 0, null, { polling: 50 })
    return await page.evaluate(() => {
      const { drawnAt, t0 } = /** @type {any} */ (window).__chart
      return drawnAt - t0
    })
  }
  finally {
    await context.close()
  }
}

/** Builds the presenter's copy (the search runs over its notes), opens /presenter/1, types each query. */
/** @param {string} root the deck @param {string} slidev its CLI @param {string} dist the presenter's build */
export async function searchKeystrokes(root, slidev, dist) {
  const build = spawnSync(process.execPath, [slidev, 'build', '--out', dist], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0)
    throw new Error(`the presenter build failed:\n${build.stderr.slice(-2000)}`)
  const server = await startServer({ dir: dist })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } })
    await page.goto(`${server.url}presenter/1`)
    await page.locator('.presenter-search-toggle').waitFor({ timeout: 60_000 })
    await page.evaluate(() => {
      const times = /** @type {number[]} */ ([])
      Object.assign(window, { __keystrokes: times })
      addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' && (/** @type {HTMLElement} */ (event.target)).closest('#presenter-search'))
          requestAnimationFrame(() => setTimeout(() => times.push(performance.now() - event.timeStamp)))
      }, { capture: true })
    })
    for (const query of QUERIES) {
      await page.keyboard.press('/')
      await page.locator('#presenter-search input').fill('')
      for (const key of query) {
        await page.keyboard.press(key === ' ' ? 'Space' : key)
        await page.waitForTimeout(30)
      }
      await page.keyboard.press('Escape')
    }
    const times = /** @type {number[]} */ (await page.evaluate(() => /** @type {any} */ (window).__keystrokes))
    const sorted = [...times].sort((a, b) => a - b)
    const median = sorted[(sorted.length - 1) >> 1] ?? Number.NaN
    return { queries: QUERIES, keystrokes: times.length, median, worst: sorted.at(-1) ?? Number.NaN, times }
  }
  finally {
    await browser.close()
    await server.close()
  }
}
