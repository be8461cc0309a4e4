import type { Theme } from './helpers'
// The public build (served under a sub-path) as the room sees it, walked with the keyboard through
// every slide and click, in light and in dark, at 1920x1080. ArrowRight and Space reach every click
// in the order slides.md builds them. At every click nothing sticks out or is cut off; at each
// slide's last click, everything is checked: no console error, no request leaving the host, every
// canvas drawn, every image, SVG and component there, no alert; the back of the room's rules (no
// empty band over 20% of the height, body text at least 36 px, nothing under 28 px, AA contrast);
// the grid (first lines level, leading, room above the footer, at most six text sizes); logos
// without filters and with visible ink; and, in light, axe-core's WCAG 2.2 AA rules with the chart
// data tables open (its colour-contrast rule aside: the contrast check above covers both themes).
// Reduced motion: the states are the same, reached without waiting for transitions.
import axe from 'axe-core'
import { expect, it } from 'vitest'
import { buildClicks, slides } from '../deck-source'
import { measureDesign, TYPE_SCALE_MAX } from './design'
import { closeQuietly, deck, describeBrowser, inspectSlide, parseSlideUrl, sharedBrowser, slideSelector, waitForSlide, watchedContext } from './helpers'

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
/** Every state the keyboard should reach, `slide.click`, as slides.md builds them. */
const STEPS = slides.flatMap((_, i) => Array.from({ length: buildClicks(i) + 1 }, (_, c) => `${i + 1}.${c}`))

describeBrowser('every slide and click, light and dark', () => {
  const browser = sharedBrowser()

  it.concurrent.for<Theme>(['light', 'dark'])('%s', async (theme, { expect }) => {
    const { origin, url, base } = deck('public')
    const watched = await watchedContext(browser(), origin, { theme, width: 1920, height: 1080, reducedMotion: 'reduce' })
    const page = await watched.newPage()
    await page.goto(`${url}1`)
    await page.addScriptTag({ content: axe.source })
    const axeRun = (scope: string) => page.evaluate(async ({ scope, tags }) => {
      const result = await (window as unknown as { axe: typeof axe }).axe.run(scope, { runOnly: { type: 'tag', values: tags }, rules: { 'color-contrast': { enabled: false } } })
      return result.violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | ')}`)
    }, { scope, tags: WCAG_22_AA })

    const seen: string[] = []
    const failures: Record<string, unknown>[] = []
    /** Every HTML text size seen, in screen px, with the first slide that used it. */
    const sizes = new Map<number, number>()
    for (;;) {
      const { no, clicks } = parseSlideUrl(page.url(), base)
      seen.push(`${no}.${clicks}`)
      const last = clicks === buildClicks(no - 1)
      const charts = slides[no - 1]!.content.match(/<BarChart\b/g)?.length ?? 0
      // At the slide's final state every chart it places is mounted (its code comes in a chunk of its
      // own) before the slide is drawn and measured.
      if (last)
        await expect.poll(() => page.locator(`${slideSelector(no)} [data-chart]`).count(), { timeout: 15_000 }).toBe(charts)
      await waitForSlide(page, no)
      const report = await inspectSlide(page, no)
      const found: Record<string, unknown> = { overflow: report.overflow, clipped: report.clipped }
      if (last) {
        const design = await measureDesign(page, no)
        design.sizes.forEach(size => sizes.set(size, sizes.get(size) ?? no))
        if (theme === 'light') {
          for (const summary of await page.locator(`${slideSelector(no)} details:not([open]) summary`).all())
            await summary.click()
        }
        Object.assign(found, {
          dark: report.dark === (theme === 'dark') ? [] : [`colour scheme not ${theme}`],
          unresolvedComponents: report.unresolved,
          brokenImages: report.brokenImages,
          emptySvgs: report.emptySvgs,
          canvases: report.canvases.length === charts ? report.canvases.filter(c => c.blank) : [`${report.canvases.length} canvases for ${charts} charts`],
          alerts: await page.locator(`${slideSelector(no)} [role="alert"]`).allInnerTexts(),
          emptyBand: design.emptyBand > 0.2 ? [`${(design.emptyBand * 100).toFixed(0)}% of the height empty`] : [],
          tinyText: design.tiny,
          smallBodyText: design.smallBody,
          lowContrast: design.lowContrast,
          misalignedBoxes: design.misaligned,
          tightLeading: design.tightLeading,
          nearFooter: design.nearFooter,
          filtered: design.filtered,
          faintLogoInk: design.faintInk,
          // The whole page once (Slidev's controls too), then each slide.
          axe: theme === 'light' ? await axeRun(no === 1 ? 'html' : slideSelector(no)) : [],
        })
      }
      const listed = Object.entries(found).filter(([, list]) => Array.isArray(list) && list.length)
      if (listed.length)
        failures.push({ step: `${no}.${clicks}`, ...Object.fromEntries(listed) })
      // The end of the deck: the key changes nothing (waited for briefly once every step is seen).
      const before = page.url()
      await page.keyboard.press(seen.length % 2 ? 'ArrowRight' : 'Space')
      if (!await page.waitForURL(u => u.href !== before, { timeout: seen.length >= STEPS.length ? 2_000 : 10_000 }).then(() => true, () => false))
        break
    }
    // Late requests count too.
    await page.waitForLoadState('networkidle')
    const { consoleErrors, pageErrors, external, httpErrors } = watched.take()
    await closeQuietly(watched.context)

    expect(seen).toEqual(STEPS)
    expect(failures).toEqual([])
    expect({ consoleErrors, pageErrors, external, httpErrors }).toEqual({ consoleErrors: [], pageErrors: [], external: [], httpErrors: [] })
    const scale = [...sizes].sort(([a], [b]) => a - b).map(([px, no]) => `${px}px (first on slide ${no})`)
    expect(scale.length, scale.join(', ')).toBeGreaterThan(0)
    expect(scale.length, scale.join(', ')).toBeLessThanOrEqual(TYPE_SCALE_MAX)
  })

  it('names the slide and the boxes when a row cannot align or runs into the footer', async () => {
    const page = await browser().newPage({ viewport: { width: 980, height: 552 } })
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
})
