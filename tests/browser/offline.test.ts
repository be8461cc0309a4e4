// Offline: the built decks make no request to any host but the one serving them. Every other host
// is blocked and recorded (watchedContext); any attempt fails the test. The overview mounts every
// slide at once, and each page is left to go network-idle, so late requests (fonts, preloads) count.
// (navigation.test.ts walks every slide and click of the public build under the same blocker.)

import type { Theme } from './helpers'
import { expect, it } from 'vitest'
import { readDeck } from './deck'
import { closeQuietly, deck, describeBrowser, sharedBrowser, waitForSlide, watchedContext } from './helpers'

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

  it.each<['public' | 'presenter', Theme]>([['public', 'dark'], ['presenter', 'light']])('%s build (%s): the presenter view and the overview (every slide) stay on the serving host', async (which, theme) => {
    const { origin, url } = deck(which)
    const watched = await watchedContext(browser(), origin, { theme })
    const page = await watched.newPage()
    await page.goto(`${url}presenter/1`)
    await waitForSlide(page, 1, '.slidev-presenter')
    await page.waitForLoadState('networkidle')
    await page.goto(`${url}overview`)
    await expect.poll(() => page.locator('.slidev-page').count()).toBeGreaterThanOrEqual(slides.length)
    await page.waitForLoadState('networkidle')
    const problems = watched.take()
    expect(problems.external, `requests outside ${origin}`).toEqual([])
    expect(problems.httpErrors).toEqual([])
    await closeQuietly(watched.context)
  })
})
