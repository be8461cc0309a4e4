// Shared pieces of the browser suite: launching Chromium, watching a page for problems,
// waiting for a slide to be fully drawn, and inspecting it.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { BrowserEnv, ServedDeck } from './env'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, inject } from 'vitest'
import { COLOR_SCHEMA_KEY } from '../../snippets/slidev-seam'
import { headmatter } from '../deck-source'
import { EXPORTS_DIR } from './env'

export function browserEnv(): BrowserEnv {
  return inject('browserEnv')
}

/** describe() that skips, with the reason in its title, when the suite cannot run here. */
export function describeBrowser(name: string, fn: () => void, extraSkip?: string) {
  const reason = browserEnv().skip ?? extraSkip
  describe.skipIf(!!reason)(reason ? `${name} [skipped: ${reason}]` : name, fn)
}

export function deck(which: 'public' | 'presenter'): ServedDeck {
  const served = browserEnv()[which]
  if (!served)
    throw new Error(`The ${which} deck is not served`)
  return served
}

/** A connection to the suite's one Chromium (the global setup's); closing it closes only its contexts. */
export async function connectBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.connect(browserEnv().browserEndpoint!)
}

/** The suite's Chromium for the enclosing describe block: connected before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await connectBrowser()
  })
  afterAll(async () => closeQuietly(browser))
  return () => browser!
}

export type Theme = 'light' | 'dark'

export interface PageProblems {
  consoleErrors: string[]
  pageErrors: string[]
  /** Requests to any host other than the one serving the deck (all blocked). */
  external: string[]
  /** Responses >= 400 from the serving host. */
  httpErrors: string[]
  consoleWarnings: string[]
}

export interface WatchedContext {
  context: BrowserContext
  problems: PageProblems
  /** Problems recorded since the last call; resets the lists. */
  take: () => PageProblems
  newPage: () => Promise<Page>
}

/**
 * A browser context in which every request leaving the serving host is blocked and recorded,
 * and every page's console errors, uncaught exceptions and HTTP errors are recorded.
 */
export async function watchedContext(browser: Browser, origin: string, options: { theme?: Theme, width?: number, height?: number, reducedMotion?: 'reduce' } = {}): Promise<WatchedContext> {
  const theme = options.theme ?? 'light'
  const context = await browser.newContext({
    reducedMotion: options.reducedMotion ?? 'no-preference',
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    colorScheme: theme,
  })
  // Slidev keeps the colour scheme in localStorage; set it before the app starts.
  await context.addInitScript(({ key, scheme }: { key: string, scheme: string }) => {
    try {
      localStorage.setItem(key, scheme)
    }
    catch {}
  }, { key: COLOR_SCHEMA_KEY, scheme: theme })
  const empty = (): PageProblems => ({ consoleErrors: [], pageErrors: [], external: [], httpErrors: [], consoleWarnings: [] })
  let problems = empty()
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith(`${origin}/`) || url === origin)
      return route.continue()
    problems.external.push(url)
    return route.abort('blockedbyclient')
  })
  const watch = (page: Page) => {
    page.on('console', (message) => {
      const where = message.location()?.url ? ` (${message.location().url.replace(origin, '')})` : ''
      if (message.type() === 'error')
        problems.consoleErrors.push(`${page.url().replace(origin, '')}: ${message.text()}${where}`)
      else if (message.type() === 'warning')
        problems.consoleWarnings.push(`${page.url().replace(origin, '')}: ${message.text()}`)
    })
    page.on('pageerror', error => problems.pageErrors.push(`${page.url().replace(origin, '')}: ${error.message}`))
    page.on('response', (response) => {
      if (response.status() >= 400 && response.url().startsWith(origin))
        problems.httpErrors.push(`${response.status()} ${response.url().replace(origin, '')}`)
    })
  }
  context.on('page', watch)
  return {
    context,
    get problems() {
      return problems
    },
    take() {
      const taken = problems
      problems = empty()
      return taken
    },
    newPage: () => context.newPage(),
  }
}

/** The active slide element of the audience (play) view. */
export function slideSelector(no: number): string {
  return `#slideshow .slidev-page[data-slidev-no="${no}"]`
}

/** { no, clicks } from a play or presenter URL: /base/3?clicks=2 or /base/presenter/3. */
export function parseSlideUrl(url: string, base: string): { no: number, clicks: number } {
  const parsed = new URL(url)
  const rest = parsed.pathname.slice(base.length).replace(/^presenter\//, '')
  return { no: Number(rest.split('/')[0]), clicks: Number(parsed.searchParams.get('clicks') ?? 0) }
}

/**
 * Changes the open deck's route to `url` through its own router, as a click on a link would: no
 * reload, so the deck is not loaded and started again for each slide a test visits.
 */
export async function routeTo(page: Page, url: string): Promise<void> {
  await page.evaluate((href) => {
    history.pushState(history.state, '', href)
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }))
  }, url)
}

/**
 * Waits until slide `no` is the only slide shown and fully drawn: loaded, every `data-waitfor`
 * target visible (charts drawn, the same contract Slidev's exporter uses), fonts and images loaded,
 * and no transition or finite animation still running.
 */
export async function waitForSlide(page: Page, no: number, scope = '#slideshow', timeout = 20_000): Promise<void> {
  const slide = page.locator(`${scope} .slidev-page[data-slidev-no="${no}"]`)
  await slide.waitFor({ state: 'visible', timeout })
  await page.waitForFunction(({ scope, no }) => {
    const root = document.querySelector(scope)
    const el = root?.querySelector<HTMLElement>(`.slidev-page[data-slidev-no="${no}"]`)
    if (!root || !el)
      return false
    if (el.querySelector('.slidev-slide-loading'))
      return false
    for (const waiting of el.querySelectorAll<HTMLElement>('[data-waitfor]')) {
      const target = waiting.querySelector<HTMLElement>(waiting.dataset.waitfor!)
      if (!target || target.getClientRects().length === 0)
        return false
    }
    if ([...el.querySelectorAll('img')].some(img => !img.complete))
      return false
    if (document.fonts.status !== 'loaded')
      return false
    if (root.querySelector('[class*="-enter-active"], [class*="-leave-active"]'))
      return false
    const running = document.getAnimations().filter((a) => {
      const timing = a.effect?.getComputedTiming()
      return a.playState === 'running' && timing?.iterations !== Infinity
    })
    return running.length === 0
  }, { scope, no }, { timeout, polling: 50 })
  // Canvases settle: Chart.js animates in JavaScript (not a CSS animation) and a chart may replay its
  // entry animation when its slide is entered, so wait until every canvas looks the same on three
  // polls in a row (a still picture), whatever it shows.
  await page.waitForFunction(({ scope, no }) => {
    const el = document.querySelector(scope)?.querySelector(`.slidev-page[data-slidev-no="${no}"]`)
    const canvases = [...(el?.querySelectorAll('canvas') ?? [])]
    const w = window as unknown as { __deckCanvasSignatures?: { key: string, same: number } }
    const signature = canvases.map((canvas) => {
      if (!canvas.width || !canvas.height)
        return '0'
      const small = document.createElement('canvas')
      small.width = 96
      small.height = 54
      const ctx = small.getContext('2d')!
      ctx.drawImage(canvas, 0, 0, small.width, small.height)
      const data = ctx.getImageData(0, 0, small.width, small.height).data
      let hash = 0
      for (let i = 0; i < data.length; i++)
        hash = (hash * 31 + data[i]!) | 0
      return `${canvas.width}x${canvas.height}:${hash}`
    }).join('|')
    const key = `${scope}#${no}:${signature}`
    const previous = w.__deckCanvasSignatures
    w.__deckCanvasSignatures = { key, same: previous?.key === key ? previous.same + 1 : 0 }
    return canvases.length === 0 || w.__deckCanvasSignatures.same >= 2
  }, { scope, no }, { timeout, polling: 100 })
}

export interface SlideReport {
  /** Elements reaching outside the slide box, in slide (design) pixels. */
  overflow: string[]
  /** Elements that hide part of their content (overflow hidden/clip with content larger than the box). */
  clipped: string[]
  /** Elements whose content scrolls (overflow auto/scroll with more content than fits). */
  scrolling: string[]
  canvases: { label: string, width: number, height: number, painted: number, colors: number, blank: boolean }[]
  brokenImages: string[]
  emptySvgs: string[]
  /** Tags Vue could not resolve (a component missing from components/ renders as an unknown element). */
  unresolved: string[]
  dark: boolean
}

/** Inspects the shown slide `no` inside `scope`. */
export async function inspectSlide(page: Page, no: number, scope = '#slideshow'): Promise<SlideReport> {
  return page.evaluate(({ scope, no }) => {
    const slide = document.querySelector(scope)!.querySelector<HTMLElement>(`.slidev-page[data-slidev-no="${no}"]`)!
    const box = slide.getBoundingClientRect()
    const scale = box.width / (slide.offsetWidth || box.width)
    const describe = (el: Element) => {
      const classes = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : ''
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)
      return `<${el.tagName.toLowerCase()}${classes}>${text ? ` "${text}"` : ''}`
    }
    const report = {
      overflow: [] as string[],
      clipped: [] as string[],
      scrolling: [] as string[],
      canvases: [] as { label: string, width: number, height: number, painted: number, colors: number, blank: boolean }[],
      brokenImages: [] as string[],
      emptySvgs: [] as string[],
      unresolved: [] as string[],
      dark: document.documentElement.classList.contains('dark'),
    }
    const tolerance = 1
    for (const el of slide.querySelectorAll<HTMLElement | SVGElement>('*')) {
      if (el.getClientRects().length === 0)
        continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'contents')
        continue
      const r = el.getBoundingClientRect()
      if (r.width === 0 && r.height === 0)
        continue
      const out = {
        left: (box.left - r.left) / scale,
        top: (box.top - r.top) / scale,
        right: (r.right - box.right) / scale,
        bottom: (r.bottom - box.bottom) / scale,
      }
      const sides = Object.entries(out).filter(([, v]) => v > tolerance).map(([k, v]) => `${k} by ${v.toFixed(0)}px`)
      if (sides.length)
        report.overflow.push(`${describe(el)} sticks out ${sides.join(', ')}`)
      if (el instanceof HTMLElement && el !== slide && !(el instanceof HTMLCanvasElement)) {
        const overflowing = el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2
        if (overflowing) {
          const mode = `${style.overflowX} ${style.overflowY}`
          if (/hidden|clip/.test(mode))
            report.clipped.push(`${describe(el)} hides ${el.scrollWidth - el.clientWidth}x${el.scrollHeight - el.clientHeight}px of its content`)
          else if (/auto|scroll/.test(mode))
            report.scrolling.push(`${describe(el)} scrolls ${el.scrollWidth - el.clientWidth}x${el.scrollHeight - el.clientHeight}px of content`)
        }
      }
      if (el instanceof HTMLUnknownElement || (el.tagName.includes('-') && !el.matches(':defined')))
        report.unresolved.push(describe(el))
    }
    for (const canvas of slide.querySelectorAll('canvas')) {
      const label = canvas.getAttribute('aria-label') ?? describe(canvas.closest('[data-chart]') ?? canvas)
      const { width, height } = canvas
      let painted = 0
      const colors = new Set<number>()
      if (width > 0 && height > 0) {
        const copy = document.createElement('canvas')
        copy.width = width
        copy.height = height
        const ctx = copy.getContext('2d')!
        ctx.drawImage(canvas, 0, 0)
        const data = ctx.getImageData(0, 0, width, height).data
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3]! > 16) {
            painted++
            colors.add(((data[i]! >> 4) << 8) | ((data[i + 1]! >> 4) << 4) | (data[i + 2]! >> 4))
          }
        }
      }
      const ratio = width && height ? painted / (width * height) : 0
      report.canvases.push({ label, width, height, painted: Number(ratio.toFixed(4)), colors: colors.size, blank: ratio < 0.01 || colors.size < 3 })
    }
    for (const img of slide.querySelectorAll('img')) {
      if (!img.complete || img.naturalWidth === 0)
        report.brokenImages.push(`${describe(img)} src=${img.currentSrc || img.src}`)
    }
    for (const svg of slide.querySelectorAll('svg')) {
      if (svg.parentElement?.closest('svg') || svg.getClientRects().length === 0)
        continue
      const r = svg.getBoundingClientRect()
      const drawn = svg.querySelector('path, circle, rect, line, polyline, polygon, ellipse, text, use, image, g')
      if (r.width < 1 || r.height < 1 || !drawn)
        report.emptySvgs.push(describe(svg))
    }
    return report
  }, { scope, no })
}

export async function closeQuietly(closeable: { close: () => Promise<unknown> } | undefined) {
  try {
    await closeable?.close()
  }
  catch {}
}

/** Where the global setup's exports put a file: the deck's `exportFilename` and `suffix`, in EXPORTS_DIR. */
export function exportFile(suffix: string): string {
  return path.join(EXPORTS_DIR, `${String(headmatter.exportFilename)}${suffix}`)
}

/** Waits for the global setup's run of `npm run <script>`; throws its output if it failed. */
export async function exported(script: string): Promise<void> {
  const status = path.join(EXPORTS_DIR, `${script}.json`)
  for (let waited = 0; !existsSync(status); waited += 500) {
    if (waited > 900_000)
      throw new Error(`npm run ${script} did not end within 15 minutes`)
    await new Promise(resolve => setTimeout(resolve, 500))
  }
  const { code, output } = JSON.parse(readFileSync(status, 'utf8')) as { code: number, output: string }
  if (code !== 0)
    throw new Error(`npm run ${script} failed:\n${output.slice(-3000)}`)
}
