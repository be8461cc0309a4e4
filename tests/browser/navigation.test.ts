// Keyboard navigation through the public build: ArrowRight and Space reach every slide and every
// click, in order, as slides.md describes them (v-click / v-clicks / `clicks:`), and the speaker
// notes carry one `[click]` marker per click.
import type { Browser, Page } from 'playwright-core'
import type { WatchedContext } from './helpers'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { noteClickMarkers, readDeck, sourceClicks } from './deck'
import { closeQuietly, deck, describeBrowser, inspectSlide, launch, parseSlideUrl, waitForSlide, watchedContext } from './helpers'

const slides = readDeck()

describeBrowser('keyboard navigation', () => {
  let browser: Browser
  let watched: WatchedContext
  let page: Page
  /** Clicks per slide in the built deck, as the keyboard walk found them. */
  const builtClicks = new Map<number, number>()

  beforeAll(async () => {
    browser = await launch()
    watched = await watchedContext(browser, deck('public').origin)
    page = await watched.newPage()
  })
  afterAll(async () => closeQuietly(browser))

  it('arrowRight and Space step through every slide and every click of slides.md, in order, and stop at the end', async () => {
    const { url, base } = deck('public')
    await page.goto(`${url}1`)
    await waitForSlide(page, 1)
    const seen = ['1.0']
    const overflow: string[] = []
    const keys = ['ArrowRight', 'Space']
    const sourceSteps = slides.reduce((sum, s) => sum + sourceClicks(s).clicks + 1, 0)
    for (let step = 1; ; step++) {
      const before = page.url()
      await page.keyboard.press(keys[step % 2]!)
      // The end of the deck: the key changes nothing (waited for briefly once slides.md's steps are seen).
      const timeout = seen.length >= sourceSteps ? 2_000 : 10_000
      if (!await page.waitForURL(u => u.href !== before, { timeout }).then(() => true, () => false))
        break
      const { no, clicks } = parseSlideUrl(page.url(), base)
      seen.push(`${no}.${clicks}`)
      builtClicks.set(no, Math.max(clicks, builtClicks.get(no) ?? 0))
      await waitForSlide(page, no)
      // The state shown between builds must fit as well as the final one.
      overflow.push(...(await inspectSlide(page, no)).overflow.map(o => `${no}.${clicks}: ${o}`))
    }
    const expected = slides.flatMap((s) => {
      const { clicks, exact } = sourceClicks(s)
      return Array.from({ length: (exact ? clicks : builtClicks.get(s.no) ?? 0) + 1 }, (_, c) => `${s.no}.${c}`)
    })
    expect(seen).toEqual(expected)
    expect(overflow).toEqual([])
    // Offline too: nothing left the serving host during the walk, late requests included.
    await page.waitForLoadState('networkidle')
    const problems = watched.take()
    expect(problems.consoleErrors).toEqual([])
    expect(problems.pageErrors).toEqual([])
    expect(problems.external).toEqual([])
  })

  it('arrowLeft steps back to the previous slide at its last click', async () => {
    const { url, base } = deck('public')
    const target = slides.find(s => s.no > 1 && (builtClicks.get(s.no - 1) ?? 0) > 0)
    expect(target, 'a slide after one with clicks').toBeDefined()
    await page.goto(`${url}${target!.no}`)
    await waitForSlide(page, target!.no)
    const before = page.url()
    await page.keyboard.press('ArrowLeft')
    await page.waitForURL(u => u.href !== before)
    expect(parseSlideUrl(page.url(), base)).toEqual({ no: target!.no - 1, clicks: builtClicks.get(target!.no - 1) })
  })

  it('each speaker note has one [click] marker per click of its slide', () => {
    const mismatches = slides
      .filter(s => s.note)
      .map(s => ({ no: s.no, clicks: builtClicks.get(s.no) ?? 0, markers: noteClickMarkers(s.note) }))
      .filter(({ clicks, markers }) => markers.length !== clicks || markers.some((m, i) => m !== i + 1))
    expect(mismatches).toEqual([])
  })
})
