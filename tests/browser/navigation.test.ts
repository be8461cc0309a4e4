// Keyboard navigation through the public build: ArrowRight and Space reach every slide and every
// click, in order, and the clicks match slides.md (v-click / v-clicks / `clicks:`) and the
// `[click]` markers of the speaker notes.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { noteClickMarkers, readDeck, sourceClicks } from './deck'
import { closeQuietly, deck, describeBrowser, inspectSlide, launch, parseSlideUrl, slideSelector, type WatchedContext, watchedContext, waitForSlide } from './helpers'

const slides = readDeck()

describeBrowser('keyboard navigation', () => {
  let browser: Browser
  let watched: WatchedContext
  let page: Page
  /** Clicks per slide according to the built deck (Slidev clamps ?clicks to the slide's total). */
  const builtClicks = new Map<number, number>()

  beforeAll(async () => {
    browser = await launch()
    watched = await watchedContext(browser, deck('public').origin)
    page = await watched.newPage()
    const { url, base } = deck('public')
    for (const { no } of slides) {
      await page.goto(`${url}${no}?clicks=999`)
      await page.locator(slideSelector(no)).waitFor()
      await page.waitForURL(u => !u.search.includes('clicks=999'))
      builtClicks.set(no, parseSlideUrl(page.url(), base).clicks)
    }
  })
  afterAll(async () => closeQuietly(browser))

  it('the built deck has the clicks slides.md describes', () => {
    const expected = slides.map((s) => {
      const { clicks, exact } = sourceClicks(s)
      return { no: s.no, clicks: exact ? clicks : builtClicks.get(s.no) }
    })
    expect(slides.map(s => ({ no: s.no, clicks: builtClicks.get(s.no) }))).toEqual(expected)
  })

  it('ArrowRight and Space step through every slide and every click, in order', async () => {
    const { url, base } = deck('public')
    const expected: string[] = []
    for (const { no } of slides) {
      for (let c = 0; c <= builtClicks.get(no)!; c++)
        expected.push(`${no}.${c}`)
    }
    watched.take()
    await page.goto(`${url}1`)
    await waitForSlide(page, 1)
    const seen = ['1.0']
    const overflow: string[] = []
    const keys = ['ArrowRight', 'Space']
    for (let step = 1; step < expected.length; step++) {
      const before = page.url()
      await page.keyboard.press(keys[step % 2]!)
      await page.waitForURL(u => u.href !== before, { timeout: 10_000 }).catch(() => {
        throw new Error(`Stuck at ${seen.at(-1)} after pressing ${keys[step % 2]}; expected ${expected[step]} next`)
      })
      const { no, clicks } = parseSlideUrl(page.url(), base)
      seen.push(`${no}.${clicks}`)
      await waitForSlide(page, no)
      // The state shown between builds must fit as well as the final one.
      overflow.push(...(await inspectSlide(page, no)).overflow.map(o => `${no}.${clicks}: ${o}`))
    }
    expect(seen).toEqual(expected)
    // The last click of the last slide is the end: no slide beyond those of slides.md.
    const last = page.url()
    await page.keyboard.press('ArrowRight')
    await page.waitForTimeout(500)
    expect(page.url()).toBe(last)
    expect(overflow).toEqual([])
    const problems = watched.take()
    expect(problems.consoleErrors).toEqual([])
    expect(problems.pageErrors).toEqual([])
    expect(problems.external).toEqual([])
  })

  it('ArrowLeft steps back a click, and back to the previous slide at its last click', async () => {
    const { url, base } = deck('public')
    const target = slides.find(s => s.no > 1 && builtClicks.get(s.no - 1)! > 0)
    if (!target)
      return
    await page.goto(`${url}${target.no}`)
    await waitForSlide(page, target.no)
    const before = page.url()
    await page.keyboard.press('ArrowLeft')
    await page.waitForURL(u => u.href !== before)
    expect(parseSlideUrl(page.url(), base)).toEqual({ no: target.no - 1, clicks: builtClicks.get(target.no - 1) })
  })

  it('each speaker note has one [click] marker per click of its slide', () => {
    const mismatches = slides
      .filter(s => s.note)
      .map(s => ({ no: s.no, clicks: builtClicks.get(s.no), markers: noteClickMarkers(s.note) }))
      .filter(({ clicks, markers }) => markers.length !== clicks || markers.some((m, i) => m !== i + 1))
    expect(mismatches).toEqual([])
  })
})
