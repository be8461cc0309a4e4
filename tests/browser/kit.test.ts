// The presenter's kit in the presenter build: search, and rehearsal with its report and files. (None
// of it in the audience view: presenter.test.ts.)
import type { Browser, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { checkRehearsal } from '../../snippets/rehearsal'
import { headmatter, slides } from '../deck-source'
import { closeQuietly, deck, describeBrowser, parseSlideUrl, sharedBrowser } from './helpers'

const backup = (title: RegExp) => slides.findIndex(s => /deck-backup/.test(String(s.frontmatter.class)) && title.test(s.title ?? '')) + 1

/** The presenter build's presenter view at slide 2, in a context of its own. */
async function openPresenter(browser: Browser): Promise<Page> {
  const presenter = await (await browser.newContext({ viewport: { width: 1600, height: 900 }, reducedMotion: 'reduce' })).newPage()
  await presenter.goto(`${deck('presenter').url}presenter/2`)
  await presenter.locator('.presenter-search-toggle').waitFor()
  return presenter
}

describeBrowser('presenter kit', () => {
  const browser = sharedBrowser()
  it('search: `/` opens it, results follow the typing, Enter jumps to the result, Backspace goes back', async () => {
    const presenter = await openPresenter(browser())
    await presenter.keyboard.press('/')
    await presenter.keyboard.type('microsoft block')
    const results = presenter.locator('#presenter-search-results li')
    await expect.poll(() => results.first().getAttribute('data-no')).toBe(String(backup(/Microsoft blocks/)))
    await presenter.locator('#presenter-search input').fill('graphics processors')
    // Notes are searched in the built deck too (it keeps only their HTML).
    await expect.poll(() => results.allInnerTexts()).toEqual([expect.stringMatching(/^9 · note/)])
    await presenter.keyboard.press('Enter')
    await presenter.waitForURL(u => parseSlideUrl(u.href, '/').no === 9)
    await presenter.keyboard.press('Backspace')
    await presenter.waitForURL(u => parseSlideUrl(u.href, '/').no === 2)
    await closeQuietly(presenter.context())
  })

  it('search: says so when nothing matches', async () => {
    const presenter = await openPresenter(browser())
    await presenter.keyboard.press('/')
    await presenter.locator('#presenter-search input').fill('zeppelin')
    await expect(presenter.getByRole('status').innerText()).resolves.toBe('No results for “zeppelin”.')
    await closeQuietly(presenter.context())
  })

  it('rehearsal: records a run, reports it per slide and exports JSON that rehearsal:apply accepts', async () => {
    const presenter = await openPresenter(browser())
    await presenter.locator('.presenter-rehearse').click()
    await presenter.keyboard.press('ArrowRight')
    await presenter.keyboard.press('ArrowRight')
    await presenter.waitForURL(u => parseSlideUrl(u.href, '/').no === 3)
    await presenter.locator('.presenter-rehearse').click()
    await presenter.locator('.presenter-rehearsal-toggle').click()
    const rows = presenter.locator('#presenter-rehearsal tbody tr')
    await expect.poll(() => rows.count()).toBe(slides.length)
    const href = await presenter.getByRole('link', { name: 'JSON' }).getAttribute('href')
    const file = checkRehearsal(JSON.parse(decodeURIComponent(href!.replace(/^data:[^,]*,/, ''))), String(headmatter.title), slides.map(s => s.title ?? ''))
    expect(file.runs).toHaveLength(1)
    expect(file.runs[0]!.clicks[1]!.length, 'slide 2: its first and second click').toBe(2)
    // Keys pressed within 50 ms of each other round to 0.0 s: a time is a number, never negative, never a stale clock.
    expect(file.runs[0]!.clicks.flat().every(t => Number.isFinite(t) && t >= 0 && t < 600), 'times of a run that lasted seconds').toBe(true)
    const csv = await presenter.getByRole('link', { name: 'CSV' }).getAttribute('href')
    expect(decodeURIComponent(csv!)).toMatch(/run,started,slide,title,click,seconds\n1,[^,]+,2,/)
    await closeQuietly(presenter.context())
  })
})
