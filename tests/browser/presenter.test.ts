// Speaker mode as this deck extends it: the pace line, notes that follow the click, the sources
// list, none of it where the audience looks. The phone remote (present:remote) is tests/browser/remote.test.ts.
// Slidev's own presenter machinery (its timer, its sync between tabs) is Slidev's to test.
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { figureSource } from '../../snippets/format'
import { formatClock } from '../../snippets/pace'
import { contrast } from '../../snippets/palette'
import { buildClicks, slideFigures, slides } from '../deck-source'
import { closeQuietly, deck, describeBrowser, parseSlideUrl, sharedBrowser, slideSelector, watchedContext } from './helpers'

const frontmatters = slides.map(s => s.frontmatter as Record<string, unknown>)
const COACH = '.presenter-pace, .presenter-sources-toggle, #presenter-sources, .presenter-search-toggle, #presenter-search, .presenter-rehearse, #presenter-rehearsal'

/** Where the page's note stands at click `clicks`: '' when the active part is in view. */
function notePosition(page: Page, clicks: number): Promise<string> {
  return page.evaluate((clicks) => {
    const note = document.querySelector<HTMLElement>('.slidev-presenter .slidev-note')
    if (!note)
      return 'no notes pane'
    const pane = note.getBoundingClientRect()
    const text = document.createTreeWalker(note, NodeFilter.SHOW_TEXT)
    for (let node = text.nextNode(); node; node = text.nextNode()) {
      const range = document.createRange()
      range.selectNodeContents(node)
      const cut = [...range.getClientRects()].find(line => line.top < pane.top - 1 && line.bottom > pane.top + 1)
      if (cut)
        return `the pane's top edge cuts a line in half (${Math.round(pane.top - cut.top)}px of it above)`
    }
    const mark = note.querySelector<HTMLElement>(`.slidev-note-click-mark[data-clicks="${clicks}"]`)
    if (!mark)
      return clicks === 0 && note.scrollTop > 1 ? `scrolled ${note.scrollTop}px before the first click` : ''
    if (!mark.classList.contains('slidev-note-click-mark-active'))
      return 'its [click] part is not marked active'
    const part = (mark.closest('p, li') ?? mark).getBoundingClientRect()
    const marker = mark.getBoundingClientRect()
    const fits = part.height <= pane.height
    if (marker.top < pane.top - 1 || marker.bottom > pane.bottom + 1 || (fits && part.bottom > pane.bottom + 1))
      return `active part at ${Math.round(part.top - pane.top)}..${Math.round(part.bottom - pane.top)}px of a ${Math.round(pane.height)}px pane`
    return ''
  }, clicks)
}

/** WCAG contrast of each faded (not current) part of the note against the pane behind it. */
async function fadedContrasts(page: Page): Promise<number[]> {
  const faded = '.slidev-presenter .slidev-note-fade'
  const pairs = await page.evaluate(selector => [...document.querySelectorAll(selector)].map((el) => {
    let behind: Element | null = el
    while (behind && /transparent|rgba\(.*, 0\)/.test(getComputedStyle(behind).backgroundColor))
      behind = behind.parentElement
    return [getComputedStyle(el).color, behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)']
  }), faded)
  const hex = (css: string) => {
    const [r = 0, g = 0, b = 0, alpha = 1] = (css.match(/[\d.]+/g) ?? []).map(Number)
    const channels = [r, g, b].map(c => Math.round(c).toString(16).padStart(2, '0')).join('')
    return alpha < 1 ? undefined : `#${channels}`
  }
  // A see-through colour counts as failing: what shows through is not measured here.
  return pairs.map(([fg = '', bg = '']) => [hex(fg), hex(bg)]).map(([fg, bg]) => fg && bg ? contrast(fg, bg) : 0)
}

/** Steps forward (through any clicks) until the page shows slide `no`. */
async function stepTo(page: Page, no: number, base: string, step: () => Promise<void>) {
  while (parseSlideUrl(page.url(), base).no < no) {
    const before = page.url()
    await step()
    await page.waitForURL(u => u.href !== before)
  }
}

describeBrowser('speaker mode', () => {
  const browser = sharedBrowser()

  /** A presenter view of the presenter build in a context of its own, watched for errors and outside requests. */
  async function openPresenter(path: string): Promise<{ page: Page, clean: () => Promise<void> }> {
    const watched = await watchedContext(browser(), deck('presenter').origin, { width: 1920, height: 1080 })
    const page = await watched.newPage()
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(`${deck('presenter').url}${path}`)
    return {
      page,
      async clean() {
        const { pageErrors, consoleErrors, external } = watched.take()
        await closeQuietly(watched.context)
        expect({ pageErrors, consoleErrors, external }).toEqual({ pageErrors: [], consoleErrors: [], external: [] })
      },
    }
  }

  it('shows the pace line in words, the one clock: starts, counts, pauses, restarts on each slide', async () => {
    const { page, clean } = await openPresenter('presenter/1')
    const pace = page.locator('.slidev-presenter .presenter-pace')
    const budget = (i: number) => formatClock(Number(frontmatters[i]!.budget))
    await expect.poll(() => pace.innerText()).toBe(`▶ Start the talk · this slide has ${budget(0)}`)
    // Slidev's own countdown is hidden: the pace line is the only clock in the bar.
    const countdown = page.locator('.slidev-presenter .grid-section.bottom .font-mono')
    await expect(countdown.count()).resolves.toBe(1)
    await expect(countdown.isVisible()).resolves.toBe(false)
    await pace.getByRole('button').click()
    const words = pace.locator('.pace-line')
    const line = new RegExp(`^On this slide 0:0(\\d) of ${budget(0)} · talk on time$`)
    await expect.poll(() => words.innerText()).toMatch(line)
    const seconds = async () => Number((await words.innerText()).match(line)?.[1])
    await expect.poll(seconds, { timeout: 5000 }).toBeGreaterThanOrEqual(1)
    await pace.getByRole('button', { name: 'Pause' }).click()
    await expect.poll(() => words.innerText()).toMatch(/ · clock paused$/)
    await pace.getByRole('button', { name: '▶ Resume' }).click()

    // On the next slide the slide time starts again against that slide's budget.
    await stepTo(page, 2, deck('presenter').base, () => page.getByRole('button', { name: 'Go to next slide' }).click())
    await expect.poll(() => words.innerText()).toMatch(new RegExp(`^On this slide 0:0\\d of ${budget(1)} · talk `))
    await clean()
  })

  it('keeps the active note in view at every click of every slide, in large type, with the slide\'s sources at hand', async () => {
    const { base } = deck('presenter')
    const { page, clean } = await openPresenter('presenter/1')
    await page.locator('.slidev-presenter .slidev-note').waitFor()
    const fontSize = await page.locator('.slidev-presenter .slidev-note').evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(fontSize).toBeGreaterThanOrEqual(22)

    await page.getByRole('button', { name: /^Sources · / }).click()
    // The list docks beside the notes: it covers neither the current slide nor the notes.
    const box = (selector: string) => page.locator(selector).boundingBox().then(b => b!)
    const list = await box('#presenter-sources')
    for (const pane of ['main', 'note']) {
      const other = await box(`.slidev-presenter .grid-section.${pane}`)
      const apart = list.x >= other.x + other.width - 1 || other.x >= list.x + list.width - 1
        || list.y >= other.y + other.height - 1 || other.y >= list.y + list.height - 1
      expect(apart, `sources list over the ${pane} pane`).toBe(true)
    }
    const problems: string[] = []
    let steps = 0
    let checkedSources = 0
    for (;;) {
      const { no, clicks } = parseSlideUrl(page.url(), base)
      await page.locator(`.slidev-presenter .grid-section.main .slidev-page[data-slidev-no="${no}"]`).waitFor()
      steps++
      const where = await expect.poll(() => notePosition(page, clicks), { timeout: 3000 }).toBe('').then(() => '', () => notePosition(page, clicks))
      if (where)
        problems.push(`slide ${no} click ${clicks}: ${where}`)
      const faint = (await fadedContrasts(page)).filter(ratio => ratio < 4.5)
      if (faint.length)
        problems.push(`slide ${no} click ${clicks}: faded note parts at ${faint[0]!.toFixed(2)}:1, under 4.5:1`)
      if (clicks === 0) {
        const expected = slideFigures(no - 1).map((key) => {
          const source = figureSource(key)
          return `${key}: ${source.text} ${source.label} hedge: ${source.hedge} “${source.wording}”`
        })
        const shown = () => page.locator('#presenter-sources li').evaluateAll(items => items.map((li) => {
          const text = (sel: string) => li.querySelector(sel)?.textContent?.trim() ?? ''
          return `${(li as HTMLElement).dataset.key}: ${text('.figure')} ${text('.label')} ${text('.hedge')} “${text('.wording')}”`
        }))
        await expect.poll(shown, { message: `sources of slide ${no}` }).toEqual(expected)
        await expect(page.locator('#presenter-sources h2').innerText()).resolves.toContain(`Slide ${no}`)
        checkedSources++
      }
      // Slidev's next button (a held arrow key auto-repeats when a busy machine delays its keyup).
      // At the end of the deck the button does nothing and the URL stays.
      const before = page.url()
      await page.getByRole('button', { name: 'Go to next slide' }).dispatchEvent('click')
      const moved = await page.waitForURL(u => u.href !== before, { timeout: no === frontmatters.length ? 1500 : 10_000 }).then(() => true, () => false)
      if (!moved)
        break
    }
    expect(checkedSources).toBe(frontmatters.length)
    expect(steps).toBeGreaterThan(frontmatters.length)
    expect(problems).toEqual([])
    await clean()
  })

  it('has the active note in view when the presenter opens mid-slide or steps back into a slide', async () => {
    const { base } = deck('presenter')
    // The slide with the most builds: its last note part sits furthest down the pane.
    const index = slides.map((_, i) => i).reduce((best, i) => buildClicks(i) > buildClicks(best) ? i : best)
    const no = index + 1
    const last = buildClicks(index)
    const { page, clean } = await openPresenter(`presenter/${no}?clicks=${last}`)
    await page.locator(`.slidev-presenter .grid-section.main .slidev-page[data-slidev-no="${no}"]`).waitFor()
    await expect.poll(() => notePosition(page, last), { message: `opened at slide ${no} click ${last}`, timeout: 5000 }).toBe('')

    await stepTo(page, no + 1, base, () => page.getByRole('button', { name: 'Go to next slide' }).click())
    const before = page.url()
    await page.getByRole('button', { name: 'Go to previous slide' }).click()
    await page.waitForURL(u => u.href !== before)
    const back = parseSlideUrl(page.url(), base)
    expect(back).toEqual({ no, clicks: last })
    await expect.poll(() => notePosition(page, last), { message: `stepped back to slide ${no} click ${last}`, timeout: 5000 }).toBe('')
    await clean()
  })

  it('shows none of it in the audience view, the public build or print mode', async () => {
    const found: string[] = []
    for (const [name, which, path] of [['audience view', 'presenter', '1'], ['public build', 'public', '1'], ['print mode', 'presenter', '2?print=true']] as const) {
      // A slide as `slidev export` prints it (a build has no /print page unless `download` is on).
      const watched = await watchedContext(browser(), deck(which).origin)
      const audience = await watched.newPage()
      await audience.goto(`${deck(which).url}${path}`)
      await audience.locator(slideSelector(Number(path[0]))).waitFor()
      // Slidev's control bar is there (hidden until hovered): where the presenter's additions live.
      if (!path.includes('print'))
        await audience.getByRole('button', { name: 'Go to next slide' }).waitFor({ state: 'attached' })
      await audience.keyboard.press('/')
      if (await audience.locator(COACH).count() || /Start the talk|Sources ·/.test(await audience.locator('body').innerText()))
        found.push(name)
      expect(watched.take().external).toEqual([])
      await closeQuietly(watched.context)
    }
    expect(found).toEqual([])
  })
})
