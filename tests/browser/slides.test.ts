// Every slide of the public build (served under a sub-path), in light and in dark, at its last click,
// at 1920x1080: no console error, nothing sticking out of the slide or cut off, every canvas drawn,
// every image and SVG loaded, every component resolved, no request leaving the host; and the design
// rules for the back of the room: no empty band over 20% of the height, body text at least 36 px,
// nothing under 28 px, every text at WCAG AA contrast.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slides } from '../deck-source'
import { measureDesign } from './design'
import { closeQuietly, deck, describeBrowser, inspectSlide, launch, type Theme, type WatchedContext, watchedContext, waitForSlide } from './helpers'

describeBrowser('every slide renders cleanly', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => closeQuietly(browser))

  describe.each<Theme>(['light', 'dark'])('%s', (theme) => {
    let watched: WatchedContext
    let page: Page
    beforeAll(async () => {
      watched = await watchedContext(browser, deck('public').origin, { theme, width: 1920, height: 1080 })
      page = await watched.newPage()
    })
    afterAll(async () => closeQuietly(watched?.context))

    it.each(slides.map((s, i) => [i + 1, s.title ?? ''] as const))('slide %i: %s', async (no) => {
      watched.take()
      // ?clicks past the end shows the slide's final state (Slidev clamps it): every build step visible.
      await page.goto(`${deck('public').url}${no}?clicks=999`)
      // Every chart the slide places is mounted (its code comes in a chunk of its own), then drawn.
      const charts = slides[no - 1]!.content.match(/<BarChart\b/g)?.length ?? 0
      await expect.poll(() => page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [data-chart]`).count(), { timeout: 15_000 }).toBe(charts)
      await waitForSlide(page, no)
      const report = await inspectSlide(page, no)
      const problems = watched.take()
      const alerts = await page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [role="alert"]`).allInnerTexts()
      const design = await measureDesign(page, no)

      expect(report.dark, 'colour scheme applied').toBe(theme === 'dark')
      expect({
        consoleErrors: problems.consoleErrors,
        uncaughtErrors: problems.pageErrors,
        externalRequests: problems.external,
        httpErrors: problems.httpErrors,
        overflow: report.overflow,
        clipped: report.clipped,
        unresolvedComponents: report.unresolved,
        brokenImages: report.brokenImages,
        emptySvgs: report.emptySvgs,
        blankCanvases: report.canvases.filter(c => c.blank),
        alerts,
        tinyText: design.tiny,
        smallBodyText: design.smallBody,
        lowContrast: design.lowContrast,
      }).toEqual({
        consoleErrors: [],
        uncaughtErrors: [],
        externalRequests: [],
        httpErrors: [],
        overflow: [],
        clipped: [],
        unresolvedComponents: [],
        brokenImages: [],
        emptySvgs: [],
        blankCanvases: [],
        alerts: [],
        tinyText: [],
        smallBodyText: [],
        lowContrast: [],
      })
      expect(design.emptyBand, 'tallest empty band, share of the slide height').toBeLessThanOrEqual(0.2)
      // Every chart has its canvas, and it is drawn (blankCanvases above).
      expect(report.canvases.length).toBe(charts)
    })
  })

  it('opens light even on a laptop set to dark, and `d` still switches to dark', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' })
    const page = await context.newPage()
    await page.goto(`${deck('public').url}2`)
    await waitForSlide(page, 2)
    const dark = () => page.evaluate(() => document.documentElement.classList.contains('dark'))
    expect(await dark()).toBe(false)
    await page.keyboard.press('d')
    await expect.poll(dark).toBe(true)
    await closeQuietly(context)
  })
})
