// The public build for people who use a screen reader, a keyboard or reduced motion: the tab title
// and a live region follow the slide, nothing moves when less motion is asked for, focus shows, and
// each chart's data table matches the fact table and offers a CSV. (axe-core runs on every slide in
// slides.test.ts; the CSV's content is tests/unit/chart-data.test.ts.)
import type { Browser, Page } from 'playwright-core'
import type { ChartId } from '../../snippets/charts'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { chartBars, CHARTS } from '../../snippets/charts'
import { FACTS } from '../../snippets/facts'
import { slides } from '../deck-source'
import { closeQuietly, connectBrowser, deck, describeBrowser, routeTo, waitForSlide } from './helpers'

const chartSlides = slides.flatMap((s, i) => [...s.content.matchAll(/<BarChart chart="(\w+)"/g)].map(m => ({ no: i + 1, id: m[1] as ChartId })))
const titleOf = (no: number) => String(slides[no - 1]!.title)

describeBrowser('accessibility in the browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await connectBrowser()
  })
  afterAll(async () => closeQuietly(browser))

  /** Slide `no` in a context of its own, asking for reduced motion (no transition to wait for). */
  async function open(no: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' })
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
    const page = await open(4)
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
    const page = await open(chartSlides[0]!.no)
    for (const { no, id } of chartSlides) {
      await routeTo(page, `${deck('public').url}${no}`)
      await waitForSlide(page, no)
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
      expect(href).toMatch(/^data:text\/csv;charset=utf-8,chart%2Cbar%2C/)
    }
    await page.context().close()
  })
})
