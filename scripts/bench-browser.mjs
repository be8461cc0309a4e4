// @ts-check
// Browser-side measurements for scripts/bench.mjs: cold load of a built deck to its first slide,
// what was fetched before it, which slides carry charts, and how long a chart takes to be drawn
// after entering its slide. Every time is taken inside the page with performance.now() (origin:
// navigation start), so the Playwright round trips are not part of any figure.

/**
 * @typedef {object} FetchedResource
 * @property {string} path URL path (from the origin)
 * @property {string} type js | css | font | html | image | other
 * @property {number} bytes body bytes received (Resource Timing encodedBodySize; our server does not compress)
 * @property {number} start ms since navigation start
 * @property {number} end ms since navigation start (responseEnd)
 */

/**
 * @typedef {object} ColdLoad
 * @property {number} visibleAt slide 1 laid out and visible (ms since navigation start)
 * @property {number} shownAt slide 1 visible and its web fonts loaded: "first slide shown"
 * @property {number} domContentLoaded
 * @property {FetchedResource[]} resources every resource of the load, up to shownAt + what was in flight
 */

/**
 * @typedef {object} ChartSlide
 * @property {number} no
 * @property {string[]} charts the data-chart ids of its .chart-frame elements
 */

/** Viewport used for every measurement (16:9, like a projector). */
export const VIEWPORT = Object.freeze({ width: 1280, height: 720 })

/**
 * Installed before any page script runs: records when slide 1 becomes visible, then when the web
 * fonts it uses are loaded. Forcing layout (getBoundingClientRect) starts the font loads, so
 * document.fonts.ready read right after covers them.
 */
function firstSlideProbe() {
  /** @type {any} */
  const w = window
  /** @type {{ visibleAt: number | null, shownAt: number | null, fontStatusAtVisible: string | null }} */
  const state = { visibleAt: null, shownAt: null, fontStatusAtVisible: null }
  w.__benchLoad = state
  try {
    performance.setResourceTimingBufferSize(10000)
  }
  catch {}
  /** @param {Element} el */
  const visible = (el) => {
    const r = el.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
  }
  const tick = () => {
    const slide = document.querySelector('#slideshow > [data-slidev-no="1"]')
    const layout = slide?.querySelector('.slidev-layout')
    if (slide && layout && !slide.querySelector('.slidev-slide-loading') && visible(slide) && visible(layout) && (layout.textContent ?? '').trim()) {
      state.visibleAt = performance.now()
      state.fontStatusAtVisible = document.fonts.status
      void document.fonts.ready.then(() => requestAnimationFrame(() => {
        state.shownAt = performance.now()
      }))
      return
    }
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/**
 * @param {string} pathname
 * @param {string} initiator
 */
function resourceType(pathname, initiator) {
  const ext = (pathname.match(/\.([a-z0-9]+)$/i)?.[1] ?? '').toLowerCase()
  if (ext === 'js' || ext === 'mjs')
    return 'js'
  if (ext === 'css')
    return 'css'
  if (['woff2', 'woff', 'ttf', 'otf', 'eot'].includes(ext))
    return 'font'
  if (['svg', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'ico'].includes(ext))
    return 'image'
  if (ext === 'html' || initiator === 'navigation')
    return 'html'
  return 'other'
}

/**
 * Loads the deck in a fresh browser context (empty cache) and waits for slide 1 to be shown.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the deck's base URL
 * @param {{ timeout?: number }} [options]
 * @returns {Promise<ColdLoad>}
 */
export async function coldLoad(browser, url, options = {}) {
  const timeout = options.timeout ?? 60_000
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: 'light' })
  try {
    await context.addInitScript(firstSlideProbe)
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'commit', timeout })
    await page.waitForFunction(() => /** @type {any} */ (window).__benchLoad?.shownAt != null, null, { timeout, polling: 50 })
    /** @type {{ state: { visibleAt: number, shownAt: number }, nav: any, entries: any[] }} */
    const data = await page.evaluate(() => ({
      state: /** @type {any} */ (window).__benchLoad,
      nav: performance.getEntriesByType('navigation')[0]?.toJSON() ?? null,
      entries: performance.getEntriesByType('resource').map(e => /** @type {PerformanceResourceTiming} */ (e).toJSON()),
    }))
    /** @type {FetchedResource[]} */
    const resources = []
    if (data.nav) {
      resources.push({
        path: new URL(data.nav.name).pathname,
        type: 'html',
        bytes: data.nav.encodedBodySize ?? 0,
        start: 0,
        end: data.nav.responseEnd ?? 0,
      })
    }
    for (const e of data.entries) {
      const u = new URL(e.name)
      if (u.protocol !== 'http:' && u.protocol !== 'https:')
        continue
      resources.push({
        path: u.pathname,
        type: resourceType(u.pathname, e.initiatorType),
        bytes: e.encodedBodySize ?? 0,
        start: e.startTime,
        end: e.responseEnd,
      })
    }
    return {
      visibleAt: data.state.visibleAt,
      shownAt: data.state.shownAt,
      domContentLoaded: data.nav?.domContentLoadedEventEnd ?? Number.NaN,
      resources,
    }
  }
  finally {
    await context.close()
  }
}

/**
 * Finds the slides whose rendering contains a `.chart-frame` in the built deck, and counts the slides.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the deck's base URL
 * @param {{ timeout?: number }} [options]
 * @returns {Promise<{ total: number, chartSlides: ChartSlide[] }>}
 */
export async function findChartSlides(browser, url, options = {}) {
  const timeout = options.timeout ?? 90_000
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    // The /print page is not in a static build (download: false), but the print flag on the play
    // view mounts every slide at once (each hidden but the current one): enough to look inside them.
    await page.goto(`${url}1?print`, { waitUntil: 'networkidle', timeout })
    await page.locator('#slideshow > [data-slidev-no]').first().waitFor({ state: 'attached', timeout })
    await page.waitForFunction(() => document.querySelectorAll('#slideshow .slidev-slide-loading').length === 0, null, { timeout, polling: 100 })
    return await page.evaluate(() => {
      /** @type {Map<number, string[]>} */
      const slides = new Map()
      for (const el of document.querySelectorAll('#slideshow > [data-slidev-no]')) {
        const no = Number(el.getAttribute('data-slidev-no'))
        if (!Number.isInteger(no) || no < 1)
          continue
        const charts = slides.get(no) ?? []
        for (const frame of el.querySelectorAll('.chart-frame')) {
          const id = frame.getAttribute('data-chart') ?? '?'
          if (!charts.includes(id))
            charts.push(id)
        }
        slides.set(no, charts)
      }
      const chartSlides = [...slides.entries()]
        .filter(([, charts]) => charts.length > 0)
        .sort((a, b) => a[0] - b[0])
        .map(([no, charts]) => ({ no, charts }))
      return { total: slides.size, chartSlides }
    })
  }
  finally {
    await context.close()
  }
}

/**
 * @typedef {'animated' | 'print' | 'reduced'} ChartMode
 * animated: the normal presentation (the chart's entry animation included);
 * print: Slidev's print flag (?print), with which the deck's charts turn animation off (Slidev ignores
 *   the keyboard in print mode, so the slide is entered by a route change instead of ArrowRight);
 * reduced: prefers-reduced-motion: reduce emulated.
 */

/**
 * @typedef {object} ChartDraw
 * @property {number} no
 * @property {number} toVisible ms from the keydown to the slide being visible
 * @property {number} toDrawn ms from the keydown to every chart of the slide drawn (.chart-drawn visible)
 */

/**
 * Opens the slide before chart slide `no` (all its clicks revealed), waits until the deck is idle
 * with slide `no` already mounted (as when presenting), presses ArrowRight, and measures in the page
 * the time from the keydown to the slide's `data-waitfor` targets (`.chart-drawn`) being visible.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the deck's base URL
 * @param {{ no: number, total: number, mode: ChartMode, timeout?: number }} options
 * @returns {Promise<ChartDraw>}
 */
export async function chartDraw(browser, url, options) {
  const { no, total, mode } = options
  const timeout = options.timeout ?? 60_000
  if (no < 2)
    throw new Error('chart on slide 1: there is no slide to enter it from')
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: mode === 'reduced' ? 'reduce' : 'no-preference',
  })
  try {
    const page = await context.newPage()
    // clicks=99: the previous slide is fully built, so the next ArrowRight goes to slide `no`.
    const query = mode === 'print' ? '?print&clicks=99' : '?clicks=99'
    await page.goto(`${url}${no - 1}${query}`, { waitUntil: 'load', timeout })
    // Ready: previous slide shown, target slide mounted (hidden) with its charts, fonts in, and in
    // normal mode Slidev's "preload all slides after 3 s" done, so it does not land in the measurement.
    await page.waitForFunction(({ no, total }) => {
      const prev = document.querySelector(`#slideshow > [data-slidev-no="${no - 1}"]`)
      const next = document.querySelector(`#slideshow > [data-slidev-no="${no}"]`)
      if (!prev || !next || prev.querySelector('.slidev-slide-loading') || next.querySelector('.slidev-slide-loading'))
        return false
      if (prev.getBoundingClientRect().width === 0 || !next.querySelector('.chart-frame'))
        return false
      if (document.fonts.status !== 'loaded')
        return false
      const mounted = document.querySelectorAll('#slideshow > [data-slidev-no]').length
      return mounted >= total || performance.now() > 10_000
    }, { no, total }, { timeout, polling: 100 })
    await page.waitForLoadState('networkidle', { timeout })
    await page.evaluate(() => new Promise(resolve => requestIdleCallback(() => resolve(undefined), { timeout: 2000 })))

    await page.evaluate((no) => {
      /** @type {any} */
      const w = window
      /** @type {{ t0: number | null, visibleAt: number | null, drawnAt: number | null }} */
      const state = { t0: null, visibleAt: null, drawnAt: null }
      w.__benchChart = state
      addEventListener('keydown', (e) => {
        if (state.t0 != null)
          return
        const now = performance.now()
        state.t0 = e.timeStamp > 0 && e.timeStamp <= now ? e.timeStamp : now
      }, { capture: true })
      /** @param {Element} el */
      const visible = (el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      }
      const tick = () => {
        if (state.t0 != null) {
          const slide = document.querySelector(`#slideshow > [data-slidev-no="${no}"]`)
          if (slide && visible(slide)) {
            state.visibleAt ??= performance.now()
            const frames = [...slide.querySelectorAll('.chart-frame')]
            const drawn = frames.length > 0 && frames.every((frame) => {
              const selector = frame.getAttribute('data-waitfor') || '.chart-drawn'
              const target = frame.querySelector(selector)
              return target != null && visible(target)
            })
            if (drawn) {
              state.drawnAt = performance.now()
              return
            }
          }
        }
        requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    }, no)
    if (mode === 'print') {
      // Slidev turns its keyboard shortcuts off in print mode: go to the slide through the router
      // instead (vue-router follows a popstate to the new URL), timed from the same kind of event.
      await page.evaluate((no) => {
        /** @type {any} */
        const w = window
        w.__benchChart.t0 = performance.now()
        const target = new URL(location.href)
        target.pathname = target.pathname.replace(/\d+\/?$/, String(no))
        target.searchParams.delete('clicks')
        history.pushState(null, '', target)
        dispatchEvent(new PopStateEvent('popstate', { state: null }))
      }, no)
    }
    else {
      await page.keyboard.press('ArrowRight')
    }
    await page.waitForFunction(() => /** @type {any} */ (window).__benchChart?.drawnAt != null, null, { timeout, polling: 50 })
    /** @type {{ t0: number, visibleAt: number, drawnAt: number, path: string }} */
    const state = await page.evaluate(() => ({ .../** @type {any} */ (window).__benchChart, path: location.pathname }))
    if (!state.path.replace(/\/+$/, '').endsWith(`/${no}`))
      throw new Error(`expected to be on slide ${no} after ArrowRight, but the URL is ${state.path}`)
    return { no, toVisible: state.visibleAt - state.t0, toDrawn: state.drawnAt - state.t0 }
  }
  finally {
    await context.close()
  }
}
