// Offline: the built decks make no request to any host but the one serving them. Every other host
// is blocked and recorded (watchedContext); any attempt fails the test. (slides.test.ts also fails on
// any outside request, per slide and theme; here every page is also left to go network-idle, so late
// requests such as fonts and preloads of later slides are caught, and the presenter view and overview.)
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { readDeck } from './deck'
import { closeQuietly, deck, describeBrowser, launch, type Theme, watchedContext, waitForSlide } from './helpers'

const slides = readDeck()

describeBrowser('offline', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => closeQuietly(browser))

  it('the blocker works: a request to another host is caught', async () => {
    const { origin, url } = deck('public')
    const watched = await watchedContext(browser, origin)
    try {
      const page = await watched.newPage()
      await page.goto(`${url}1`)
      await page.evaluate(() => fetch('https://fonts.googleapis.com/css2?family=Inter').catch(() => null))
      expect(watched.take().external).toEqual(['https://fonts.googleapis.com/css2?family=Inter'])
    }
    finally {
      await closeQuietly(watched.context)
    }
  })

  it.each<['public' | 'presenter', Theme]>([
    ['public', 'dark'],
    ['presenter', 'light'],
  ])('%s build (%s): every slide, the presenter view and the overview stay on the serving host', async (which, theme) => {
    const { origin, url } = deck(which)
    const watched = await watchedContext(browser, origin, { theme })
    try {
      const page = await watched.newPage()
      const visited: string[] = []
      const visit = async (path: string, ready: () => Promise<void>) => {
        await page.goto(`${url}${path}`)
        await ready()
        // Whatever the page starts loading once drawn (fonts, preloads of later slides) counts too.
        await page.waitForLoadState('networkidle')
        visited.push(path)
      }
      for (const { no } of slides)
        await visit(`${no}?clicks=999`, () => waitForSlide(page, no))
      await visit('presenter/1', () => page.locator('.slidev-presenter').waitFor())
      await visit('overview', () => page.locator('.slidev-page').first().waitFor())
      expect(visited).toHaveLength(slides.length + 2)
      const problems = watched.take()
      expect(problems.external, `requests outside ${origin}`).toEqual([])
      expect(problems.httpErrors).toEqual([])
    }
    finally {
      await closeQuietly(watched.context)
    }
  })
})
