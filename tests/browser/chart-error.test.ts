// A chart fed broken figures shows a visible error naming the field, and the deck carries on:
// tests/fixtures/bad-chart-data imports the deck's chart components and passes them bad fact tables.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { closeQuietly, deck, describeBrowser, inspectSlide, launch, slideSelector, waitForSlide, type WatchedContext, watchedContext } from './helpers'

describeBrowser('chart data errors (fixture deck)', () => {
  let browser: Browser
  let watched: WatchedContext
  let page: Page

  beforeAll(async () => {
    const fixture = deck('fixture')
    browser = await launch()
    watched = await watchedContext(browser, fixture.origin)
    page = await watched.newPage()
  })
  afterAll(async () => closeQuietly(browser))

  async function open(no: number) {
    await page.goto(`${deck('fixture').url}${no}`)
    await waitForSlide(page, no)
    return page.locator(slideSelector(no))
  }

  it.each([
    [1, 'zero-revenue', /facts\.openAIRevenue\.value/, /greater than zero|got 0/],
    [2, 'nan-valuation', /facts\.xAIValuation\.value/, /NaN/],
  ])('slide %i (%s): a visible .chart-error names the field instead of a blank chart', async (no, _name, field, problem) => {
    const slide = await open(no)
    const frame = slide.locator('.chart-frame')
    await expect.poll(() => frame.count()).toBe(1)
    expect(await frame.getAttribute('data-chart')).toBeTruthy()
    const error = frame.locator('.chart-error')
    await error.waitFor({ state: 'visible' })
    expect(await error.getAttribute('role')).toBe('alert')
    const text = (await error.innerText()).replace(/\s+/g, ' ')
    expect(text).toMatch(/^Chart data error: /)
    expect(text).toMatch(field)
    expect(text).toMatch(problem)
    // The box is actually readable: inside the slide, not clipped to nothing.
    const box = (await error.boundingBox())!
    expect(box.width).toBeGreaterThan(100)
    expect(box.height).toBeGreaterThan(20)
    expect(await frame.locator('canvas').count(), 'no half-drawn canvas next to the error').toBe(0)
    const report = await inspectSlide(page, no)
    expect(report.overflow).toEqual([])
  })

  it('the slide after the broken ones still renders its chart', async () => {
    // Arrive by keyboard from a broken slide, as a presenter would.
    await open(2)
    await page.keyboard.press('ArrowRight')
    await page.waitForURL(/\/3(?:\?|$)/)
    const slide = page.locator(slideSelector(3))
    await waitForSlide(page, 3)
    await expect.poll(() => slide.locator('h1').innerText()).toMatch(/still draws/)
    expect(await slide.locator('.chart-error').count()).toBe(0)
    const canvas = slide.locator('.chart-frame canvas')
    expect(await canvas.getAttribute('role')).toBe('img')
    const report = await inspectSlide(page, 3)
    expect(report.canvases).toHaveLength(1)
    expect(report.canvases[0]!.blank, JSON.stringify(report.canvases[0])).toBe(false)
  })

  it('a bad figure is an on-slide message, not a crash: no uncaught error', () => {
    const problems = watched.take()
    expect(problems.pageErrors).toEqual([])
    expect(problems.external).toEqual([])
    expect(problems.httpErrors).toEqual([])
  })
})
