// Every slide of the public build (served under a sub-path), in light and in dark, at its last click,
// at 1920x1080: no console error, nothing sticking out of the slide or cut off, every canvas drawn,
// every image and SVG loaded, every component resolved, no request leaving the host; and the design
// rules for the back of the room: no empty band over 20% of the height, body text at least 36 px,
// nothing under 28 px, every text at WCAG AA contrast; and one grid: neighbouring boxes' first lines
// level within 4 px, body leading at least 1.3, nothing within 40 px of the footer rule, and at most
// six text sizes across the deck; logos without filters, their ink visible on both backgrounds.
import type { Browser, Page } from 'playwright-core'
import type { Theme, WatchedContext } from './helpers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slides } from '../deck-source'
import { measureDesign, TYPE_SCALE_MAX } from './design'
import { closeQuietly, deck, describeBrowser, inspectSlide, launch, waitForSlide, watchedContext } from './helpers'

describeBrowser('every slide renders cleanly', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => closeQuietly(browser))

  /** Every HTML text size seen, on screen px, with the first slide that used it. */
  const sizes = new Map<number, string>()

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
      for (const size of design.sizes)
        sizes.set(size, sizes.get(size) ?? `slide ${no} (${theme})`)

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
        misalignedBoxes: design.misaligned,
        tightLeading: design.tightLeading,
        nearFooter: design.nearFooter,
        filtered: design.filtered,
        faintLogoInk: design.faintInk,
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
        misalignedBoxes: [],
        tightLeading: [],
        nearFooter: [],
        filtered: [],
        faintLogoInk: [],
      })
      expect(design.emptyBand, 'tallest empty band, share of the slide height').toBeLessThanOrEqual(0.2)
      // Every chart has its canvas, and it is drawn (blankCanvases above).
      expect(report.canvases.length).toBe(charts)
    })
  })

  it(`uses at most ${TYPE_SCALE_MAX} text sizes across the deck`, () => {
    // Runs after every slide above was measured; none measured means the slides did not run.
    expect(sizes.size).toBeGreaterThan(0)
    const scale = [...sizes].sort(([a], [b]) => a - b).map(([px, first]) => `${px}px (first on ${first})`)
    expect(scale.length, scale.join(', ')).toBeLessThanOrEqual(TYPE_SCALE_MAX)
  })

  it('names the slide and the boxes when a row cannot align or runs into the footer', async () => {
    const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
    const tile = (body: string, style = '') =>
      `<div class="tile" style="display:flex;flex-direction:column;${style}">${body}</div>`
    const long = '<b>Long</b>'.padEnd(900, ' word')
    const row = tile('<b>Short</b>') + tile('<b>Centred</b>', 'justify-content:center') + tile(long)
    await page.setContent(`<div id="slideshow">
      <div class="slidev-page" data-slidev-no="7" style="position:relative;width:980px;height:551px">
        <div class="tiles" style="display:grid;grid-template-columns:1fr 1fr 1fr;height:480px;font:23px/1.4 serif">
          ${row}
        </div>
        <footer class="deck-footer" style="position:absolute;bottom:10px">Slide 7 of 19</footer>
      </div></div>`)
    const design = await measureDesign(page, 7)
    await page.close()
    expect(design.misaligned).toEqual([
      expect.stringMatching(/^slide 7: <div\.tile> "Centred" starts \d+px below <div\.tile> "Short"$/),
    ])
    expect(design.nearFooter.join('\n')).toMatch(/slide 7: <div\.tile> "Long word word/)
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
