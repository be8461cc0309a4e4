// Offline: the built decks make no request to any host but the one serving them. Every other host
// is blocked and recorded (watchedContext); any attempt fails the test. Every slide of the public
// build at its last click, then the presenter build's presenter view and overview, then network idle,
// so late requests (fonts, preloads of later slides) are caught too.
import { expect, it } from 'vitest'
import { readDeck } from './deck'
import { closeQuietly, deck, describeBrowser, sharedBrowser, watchedContext, waitForSlide } from './helpers'

const slides = readDeck()

describeBrowser('offline', () => {
  const browser = sharedBrowser()

  it('the blocker works: a request to another host is caught', async () => {
    const { origin, url } = deck('public')
    const watched = await watchedContext(browser(), origin)
    const page = await watched.newPage()
    await page.goto(`${url}1`)
    await page.evaluate(() => fetch('https://fonts.googleapis.com/css2?family=Inter').catch(() => null))
    expect(watched.take().external).toEqual(['https://fonts.googleapis.com/css2?family=Inter'])
    await closeQuietly(watched.context)
  })

  it('public build (dark): every slide and click stays on the serving host', async () => {
    const { origin, url } = deck('public')
    const watched = await watchedContext(browser(), origin, { theme: 'dark' })
    const page = await watched.newPage()
    for (const { no } of slides) {
      await page.goto(`${url}${no}?clicks=999`)
      await waitForSlide(page, no)
    }
    await page.waitForLoadState('networkidle')
    const problems = watched.take()
    expect(problems.external, `requests outside ${origin}`).toEqual([])
    expect(problems.httpErrors).toEqual([])
    await closeQuietly(watched.context)
  })

  it('presenter build (light): the presenter view and the overview stay on the serving host', async () => {
    const { origin, url } = deck('presenter')
    const watched = await watchedContext(browser(), origin)
    const page = await watched.newPage()
    await page.goto(`${url}presenter/1`)
    await waitForSlide(page, 1, '.slidev-presenter')
    await page.waitForLoadState('networkidle')
    await page.goto(`${url}overview`)
    await page.locator('.slidev-page').first().waitFor()
    await page.waitForLoadState('networkidle')
    const problems = watched.take()
    expect(problems.external, `requests outside ${origin}`).toEqual([])
    expect(problems.httpErrors).toEqual([])
    await closeQuietly(watched.context)
  })
})
