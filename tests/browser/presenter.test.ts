// Speaker mode on the presenter build (notes included), served statically: /presenter shows the
// current slide, the next one, the notes and the timer, and drives an audience window open in the
// same browser (Slidev syncs them through BroadcastChannel in a static build).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { distinctiveNotePhrases, normalizeText, readDeck, sourceClicks } from './deck'
import { closeQuietly, deck, describeBrowser, launch, parseSlideUrl, slideSelector, type WatchedContext, watchedContext, waitForSlide } from './helpers'

const slides = readDeck()
const notes = distinctiveNotePhrases(slides, 1)

function noteText(text: string) {
  return normalizeText(text).replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ')
}

describeBrowser('presenter view', () => {
  let browser: Browser
  let watched: WatchedContext
  let page: Page

  beforeAll(async () => {
    browser = await launch()
    watched = await watchedContext(browser, deck('presenter').origin, { width: 1600, height: 900 })
    page = await watched.newPage()
  })
  afterAll(async () => closeQuietly(browser))

  it('shows the current slide, the next one, the notes and the timer', async () => {
    const { url } = deck('presenter')
    await page.goto(`${url}presenter/1`)
    const presenter = page.locator('.slidev-presenter')
    await presenter.waitFor()

    // Current slide, drawn.
    await waitForSlide(page, 1, '.slidev-presenter .grid-section.main')
    // Next: the next click of this slide, or the next slide.
    const firstClicks = sourceClicks(slides[0]!).clicks
    const next = page.locator('.slidev-presenter .grid-section.next .slidev-page')
    await next.waitFor()
    expect(Number(await next.getAttribute('data-slidev-no'))).toBe(firstClicks > 0 ? 1 : 2)
    expect((await next.boundingBox())!.width).toBeGreaterThan(100)

    // Notes of slide 1.
    const note = page.locator('.slidev-presenter .grid-section.note .slidev-note')
    const first = notes.find(n => n.no === 1)
    if (first)
      await expect.poll(async () => noteText(await note.innerText())).toContain(first.phrases[0])

    // Timer: shown, and it runs once started.
    const bar = page.locator('.slidev-presenter .grid-section.bottom')
    const clock = bar.locator('.font-mono').last()
    const readClock = async () => (await clock.innerText()).replace(/\s+/g, '')
    await expect.poll(readClock).toMatch(/^(?:\d+:)?(?:\d{1,2}|-):(?:\d{2}|--)$/)
    const before = await readClock()
    await clock.hover()
    await bar.locator('.i-carbon\\:play').click()
    await expect.poll(readClock, { timeout: 5000 }).not.toBe(before)
    // Slide counter.
    await expect.poll(async () => (await bar.innerText()).replace(/\s+/g, ' ')).toMatch(new RegExp(`\\b1 / ${slides.length}\\b`))
  })

  it('shows each slide\'s own notes (from slides.md)', async () => {
    const { url } = deck('presenter')
    const note = page.locator('.slidev-presenter .grid-section.note .slidev-note')
    const wrong: string[] = []
    for (const { no, phrases } of notes) {
      await page.goto(`${url}presenter/${no}`)
      await page.locator('.slidev-presenter').waitFor()
      await page.locator(`.slidev-presenter .grid-section.main .slidev-page[data-slidev-no="${no}"]`).waitFor()
      const text = await note.innerText().catch(() => '')
      if (!noteText(text).includes(phrases[0]!))
        wrong.push(`slide ${no}: expected "${phrases[0]}", presenter shows "${text.slice(0, 80)}"`)
    }
    expect(notes.length).toBeGreaterThan(0)
    expect(wrong).toEqual([])
  })

  it('drives the audience window: ArrowRight in the presenter moves the audience view', async () => {
    const { url, base } = deck('presenter')
    // A fresh context: the two windows share it, as two tabs of the presenter's browser do.
    const shared = await watchedContext(browser, deck('presenter').origin, { width: 1280, height: 720 })
    try {
      const audience = await shared.newPage()
      await audience.goto(`${url}1`)
      await waitForSlide(audience, 1)
      const presenter = await shared.newPage()
      await presenter.goto(`${url}presenter/1`)
      await waitForSlide(presenter, 1, '.slidev-presenter .grid-section.main')

      // Step until we have crossed onto another slide (through any clicks of the first ones).
      const visited: string[] = []
      for (let i = 0; i < 12; i++) {
        const before = presenter.url()
        await presenter.keyboard.press('ArrowRight')
        await presenter.waitForURL(u => u.href !== before)
        const { no, clicks } = parseSlideUrl(presenter.url(), base)
        visited.push(`${no}.${clicks}`)
        // The audience follows to the same slide and click.
        await audience.waitForURL(u => {
          const at = parseSlideUrl(u.href, base)
          return at.no === no && at.clicks === clicks
        }, { timeout: 10_000 }).catch(() => {
          throw new Error(`Audience stayed at ${audience.url()} while the presenter went to ${no}.${clicks}`)
        })
        await audience.locator(slideSelector(no)).waitFor({ state: 'visible' })
        if (no >= 3)
          break
      }
      expect(visited.at(-1)).toMatch(/^3\.0$/)
      // And the audience window really shows that slide (not just its URL).
      await waitForSlide(audience, 3)
      const title = slides[2]?.title
      if (title)
        expect(noteText(await audience.locator(`${slideSelector(3)} h1`).first().innerText())).toBe(noteText(title))
      const problems = shared.take()
      expect(problems.pageErrors).toEqual([])
      expect(problems.consoleErrors).toEqual([])
      expect(problems.external).toEqual([])
    }
    finally {
      await closeQuietly(shared.context)
    }
  })

  it('caused no console error or outside request', () => {
    const problems = watched.take()
    expect(problems.pageErrors).toEqual([])
    expect(problems.consoleErrors).toEqual([])
    expect(problems.external).toEqual([])
  })
})
