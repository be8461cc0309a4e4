// The public build for people who use a screen reader, a keyboard or reduced motion: the tab title
// and a live region follow the slide, nothing moves when less motion is asked for, focus shows, each
// chart's data table (and CSV) matches the fact table, and axe-core finds no WCAG 2.2 AA violation.

import type { Browser, Page } from 'playwright-core'
import type { ChartId } from '../../snippets/charts'
import type { Theme } from './helpers'
import axe from 'axe-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { chartBars, CHARTS } from '../../snippets/charts'
import { FACTS } from '../../snippets/facts'
import { slides } from '../deck-source'
import { closeQuietly, deck, describeBrowser, launch, waitForSlide } from './helpers'

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const chartSlides = slides.flatMap((s, i) => [...s.content.matchAll(/<BarChart chart="(\w+)"/g)].map(m => ({ no: i + 1, id: m[1] as ChartId })))
const titleOf = (no: number) => String(slides[no - 1]!.title)
/** RFC 4180 lines: fields split on commas outside quotes, quotes undone. */
function parseCsv(csv: string) {
  return csv.trim().split('\r\n').map(line => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
    .slice(0, -1)
    .map(m => m[1]!.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"')))
}

describeBrowser('accessibility in the browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => closeQuietly(browser))

  async function open(no: number, options: { theme?: Theme, reducedMotion?: 'reduce' } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: options.theme ?? 'light', reducedMotion: options.reducedMotion ?? 'no-preference' })
    await context.addInitScript((scheme: string) => localStorage.setItem('slidev-color-schema', scheme), options.theme ?? 'light')
    const page = await context.newPage()
    await page.goto(`${deck('public').url}${no}`)
    await waitForSlide(page, no)
    return page
  }

  it('titles the tab after the slide and announces each change politely, without "Slidev"', async () => {
    const page = await open(1)
    expect(await page.title()).toBe(titleOf(1))
    const live = page.locator('[role="status"][aria-live="polite"]')
    for (const no of [2, 3]) {
      await page.keyboard.press('ArrowDown') // the next slide, past any builds
      await waitForSlide(page, no)
      await expect.poll(() => live.textContent()).toBe(`Slide ${no} of ${slides.length}: ${titleOf(no)}`)
      expect(await page.title()).toBe(`${titleOf(no)} · ${titleOf(1)}`)
    }
    expect(await page.title()).not.toMatch(/Slidev/)
    await page.context().close()
  })

  it('runs no transition and no animation when the viewer asks for reduced motion', async () => {
    const page = await open(4, { reducedMotion: 'reduce' })
    await page.keyboard.press('ArrowDown')
    // Read at once, mid-change: every element's transition and CSS animation is off.
    const moving = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => {
      const style = getComputedStyle(el)
      return style.transitionDuration.split(',').some(d => Number.parseFloat(d) > 0) || style.animationName !== 'none'
    }).map(el => el.className.toString()).slice(0, 5))
    expect(moving).toEqual([])
    await page.context().close()
  })

  it('reaches each chart\'s data table by keyboard, with a visible focus ring, its rows equal to the facts and a CSV of them', async () => {
    expect(chartSlides.length).toBeGreaterThan(0)
    for (const { no, id } of chartSlides) {
      const page = await open(no)
      const summary = page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [data-chart="${id}"] summary`)
      for (let tab = 0; tab < 30 && !await summary.evaluate(el => el === document.activeElement); tab++)
        await page.keyboard.press('Tab')
      expect(await summary.evaluate(el => el === document.activeElement), `slide ${no}: Data reached by Tab`).toBe(true)
      const ring = await summary.evaluate(el => ({ style: getComputedStyle(el).outlineStyle, width: Number.parseFloat(getComputedStyle(el).outlineWidth) }))
      expect(ring.style).not.toBe('none')
      expect(ring.width).toBeGreaterThanOrEqual(2)
      await page.keyboard.press('Enter')
      const table = page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [data-chart="${id}"] table`)
      await table.waitFor({ state: 'visible' })
      const read = await table.evaluate((t: HTMLTableElement) => ({
        caption: t.caption?.textContent ?? '',
        head: [...t.tHead!.rows[0]!.cells].map(c => c.textContent!.trim()),
        rows: [...t.tBodies[0]!.rows].map(r => [...r.cells].map(c => c.textContent!.trim())),
        rowHeaders: [...t.querySelectorAll('tbody th[scope="row"]')].length,
      }))
      const bars = chartBars(CHARTS[id])
      expect(read.caption).toMatch(/data/i)
      expect(read.head).toHaveLength(4)
      expect(read.rowHeaders).toBe(bars.length)
      expect(read.rows.map(r => [r[0], Number(r[2]), r[3]])).toEqual(bars.map(b => [b.category, FACTS[b.key].value, FACTS[b.key].hedge]))
      const href = await page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [data-chart="${id}"] a[download]`).getAttribute('href')
      const csv = parseCsv(decodeURIComponent(href!.replace(/^data:text\/csv;charset=utf-8,/, '')))
      expect(csv[0]!.slice(0, 5)).toEqual(['chart', 'bar', 'fact', 'value_billion_usd', 'hedge'])
      expect(csv.slice(1).map(r => [r[2], Number(r[3]), r[4]])).toEqual(bars.map(b => [b.key, FACTS[b.key].value, FACTS[b.key].hedge]))
      await page.context().close()
    }
  })

  it('axe-core finds no WCAG 2.2 AA violation on any slide and click, light and dark, chart tables open', async () => {
    const found = new Set<string>()
    const run = (page: Page, scope: string) => page.evaluate(async ({ scope, tags }) => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(scope, { runOnly: { type: 'tag', values: tags } })
      return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | ')}`)
    }, { scope, tags: WCAG_22_AA })
    for (const theme of ['light', 'dark'] as const) {
      const page = await open(1, { theme })
      await page.addScriptTag({ content: axe.source })
      ;(await run(page, 'html')).forEach(v => found.add(`${theme}, whole page: ${v}`))
      // ArrowRight through every click of every slide (one page, no reload); each step checked.
      for (let step = 0; step < 200; step++) {
        const no = Number(new URL(page.url()).pathname.match(/(\d+)$/)?.[1])
        const slide = `#slideshow .slidev-page[data-slidev-no="${no}"]`
        for (const summary of await page.locator(`${slide} details:not([open]) summary`).all())
          await summary.click()
        ;(await run(page, slide)).forEach(v => found.add(`${theme}, slide ${no}: ${v}`))
        const before = page.url()
        await page.keyboard.press('ArrowRight')
        if (!await page.waitForURL(u => u.href !== before, { timeout: 3000 }).then(() => true, () => false))
          break
        await waitForSlide(page, Number(new URL(page.url()).pathname.match(/(\d+)$/)?.[1]))
      }
      await page.context().close()
    }
    expect([...found]).toEqual([])
  }, 600_000)
})
