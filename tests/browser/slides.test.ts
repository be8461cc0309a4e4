// Every slide of the public build (served under a sub-path), in light and in dark, at its last click:
// no console error, nothing sticking out of the slide or cut off, every canvas drawn, every image and
// SVG loaded, every component resolved, no request leaving the host.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDeck } from './deck'
import { closeQuietly, deck, describeBrowser, inspectSlide, launch, type Theme, type WatchedContext, watchedContext, waitForSlide } from './helpers'

const slides = readDeck()

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
      watched = await watchedContext(browser, deck('public').origin, { theme })
      page = await watched.newPage()
    })
    afterAll(async () => closeQuietly(watched?.context))

    it.each(slides.map(s => [s.no, s.title ?? ''] as const))('slide %i: %s', async (no) => {
      watched.take()
      // ?clicks past the end shows the slide's final state (Slidev clamps it): every build step visible.
      await page.goto(`${deck('public').url}${no}?clicks=999`)
      await waitForSlide(page, no)
      const report = await inspectSlide(page, no)
      const problems = watched.take()
      const chartFrames = await page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] .chart-frame`).count()
      const chartErrors = await page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] .chart-error`).allInnerTexts()
      const triangleHidden = await page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] figure.partnership-triangle [data-visible="false"]`).count()

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
        chartErrors,
        hiddenTriangleItemsAtLastClick: triangleHidden,
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
        chartErrors: [],
        hiddenTriangleItemsAtLastClick: 0,
      })
      // Every chart frame has its canvas, and it is drawn.
      expect(report.canvases.length).toBeGreaterThanOrEqual(chartFrames)
    })
  })
})
