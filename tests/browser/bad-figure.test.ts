import type { Page } from 'playwright-core'
// A bad figure shows a visible message naming the field on every slide that uses it, the sources
// slide included, and nothing else breaks. The presenter build is served with its facts module
// broken on the way to the browser: one value becomes NaN, as a typo in snippets/facts.ts would.
import { expect, it } from 'vitest'
import { DERIVATIONS } from '../../snippets/derived'
import { slideFigures, slides } from '../deck-source'
import { closeQuietly, deck, describeBrowser, routeTo, sharedBrowser, waitForSlide } from './helpers'

const BAD = 'openAIValuation'
/** The bad figure's value in the built facts module (minified: `openAIValuation:{label:…,value:500,`). */
const VALUE = new RegExp(`(\\b${BAD}:\\{[^{}]*?\\bvalue:)[\\d.]+`)

/** Slides that show the bad figure, directly or through a ratio computed from it. */
const affected = slides.flatMap((_, i) => slideFigures(i).some(k => k === BAD || (DERIVATIONS as Record<string, readonly string[]>)[k]?.includes(BAD)) ? [i + 1] : [])

describeBrowser('a bad figure', () => {
  const browser = sharedBrowser()
  const base = () => deck('presenter').url

  /** A page of its own, at `path` of the deck with the bad figure, recording uncaught errors. */
  async function open(path: string): Promise<{ page: Page, errors: string[] }> {
    const page = await browser().newPage({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' })
    let broken = 0
    await page.route(`${base()}assets/*.js`, async (route) => {
      try {
        const response = await route.fetch()
        const body = await response.text()
        const changed = body.replace(VALUE, (_, field: string) => `${field}NaN`)
        broken += Number(changed !== body)
        await route.fulfill({ response, body: changed })
      }
      catch {} // the page closed while a script was on its way: nothing is waiting for it
    })
    const errors: string[] = []
    page.on('pageerror', error => errors.push(error.message))
    await page.goto(`${base()}${path}`)
    // A build whose facts module no longer matches VALUE would pass every test below vacuously.
    await expect.poll(() => broken, { message: `no served script has ${BAD}'s value to break`, timeout: 20_000 }).toBeGreaterThan(0)
    return { page, errors }
  }

  it('is used on several slides, the sources slide among them', () => {
    expect(affected.length).toBeGreaterThanOrEqual(4)
    expect(affected.filter(no => slides[no - 1]!.content.includes('<FactSheet'))).toHaveLength(1)
  })

  it('shows a message naming the field on every slide that uses it', async () => {
    const { page, errors } = await open(`${affected[0]}?clicks=99`)
    for (const no of affected) {
      if (no !== affected[0])
        await routeTo(page, `${base()}${no}?clicks=99`)
      await waitForSlide(page, no)
      const shown = page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [role="alert"]`)
      await expect.poll(() => shown.count(), { message: `slide ${no}` }).toBeGreaterThan(0)
      const alerts = await shown.allInnerTexts()
      for (const alert of alerts)
        expect(alert, `slide ${no}`).toContain(`facts.${BAD}.value`)
    }
    expect(errors).toEqual([])
    await closeQuietly(page)
  })

  it('says so in a chart\'s data table too, with no rows and no CSV', async () => {
    const no = affected.find(n => /<BarChart\b/.test(slides[n - 1]!.content))!
    const { page } = await open(`${no}`)
    await waitForSlide(page, no)
    const chart = page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [data-chart]`).first()
    await chart.locator('summary').click()
    const table = chart.locator('table')
    await table.waitFor({ state: 'visible' })
    expect(await table.innerText()).toContain(`facts.${BAD}.value`)
    expect(await table.locator('tbody th[scope="row"]').count()).toBe(0)
    expect(await chart.locator('a[download]').count()).toBe(0)
    await closeQuietly(page)
  })

  it('says so in the presenter\'s sources list too', async () => {
    const no = affected[1]!
    const { page } = await open(`presenter/${no}`)
    await page.getByRole('button', { name: /Sources ·/ }).click()
    const alerts = await page.locator('#presenter-sources [role="alert"]').allInnerTexts()
    expect(alerts.length).toBeGreaterThan(0)
    for (const alert of alerts)
      expect(alert).toContain(`facts.${BAD}.value`)
    await closeQuietly(page)
  })

  it('leaves the slides that do not use it whole', async () => {
    const untouched = slides.map((_, i) => i + 1).filter(no => !affected.includes(no) && /<(?:BarChart|PartnershipTriangle)\b/.test(slides[no - 1]!.content))
    expect(untouched.length).toBeGreaterThan(0)
    const { page, errors } = await open(`${untouched[0]}?clicks=99`)
    for (const no of untouched) {
      if (no !== untouched[0])
        await routeTo(page, `${base()}${no}?clicks=99`)
      await waitForSlide(page, no)
      expect(await page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [role="alert"]`).count(), `slide ${no}`).toBe(0)
    }
    expect(errors).toEqual([])
    await closeQuietly(page)
  })
})
