// A bad figure shows a visible message naming the field on every slide that uses it, the sources
// slide included, and nothing else breaks: the real deck built with VITE_BAD_FIGURE (snippets/facts.ts).

import type { Browser, Page } from 'playwright-core'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startServer } from '../../scripts/preview.mjs'
import { DERIVATIONS } from '../../snippets/derived'
import { slideFigures, slides } from '../deck-source'
import { browserEnv, closeQuietly, describeBrowser, launch, waitForSlide } from './helpers'

const BAD = 'openAIValuation'
const ROOT = path.resolve(import.meta.dirname, '../..')
const OUT = path.join(ROOT, 'test-results', 'bad-figure')

/** Slides that show the bad figure, directly or through a ratio computed from it. */
const affected = slides.flatMap((_, i) => slideFigures(i).some(k => k === BAD || (DERIVATIONS as Record<string, readonly string[]>)[k]?.includes(BAD)) ? [i + 1] : [])

describeBrowser('a bad figure', () => {
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    execFileSync(process.execPath, ['node_modules/@slidev/cli/bin/slidev.mjs', 'build', '--without-notes', '--out', OUT], {
      cwd: ROOT,
      env: { ...process.env, VITE_BAD_FIGURE: BAD },
      stdio: 'pipe',
    })
    server = await startServer({ dir: OUT })
    browser = await launch()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    page.on('pageerror', error => errors.push(error.message))
  })
  afterAll(async () => {
    await closeQuietly(browser)
    await server?.close()
  })

  it('is used on several slides, the sources slide among them', () => {
    expect(affected.length).toBeGreaterThanOrEqual(4)
    expect(affected.filter(no => slides[no - 1]!.content.includes('<FactSheet'))).toHaveLength(1)
  })

  it('shows a message naming the field on every slide that uses it', async () => {
    const base = server.url
    for (const no of affected) {
      await page.goto(`${base}${no}?clicks=99`)
      await waitForSlide(page, no)
      const alerts = await page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [role="alert"]`).allInnerTexts()
      expect(alerts.length, `slide ${no}`).toBeGreaterThan(0)
      for (const alert of alerts)
        expect(alert, `slide ${no}`).toContain(`facts.${BAD}.value`)
    }
    expect(errors).toEqual([])
  })

  it('says so in a chart\'s data table too, with no rows and no CSV', async () => {
    const no = affected.find(n => /<BarChart\b/.test(slides[n - 1]!.content))!
    await page.goto(`${server.url}${no}`)
    await waitForSlide(page, no)
    const chart = page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [data-chart]`).first()
    await chart.locator('summary').click()
    const table = chart.locator('table')
    await table.waitFor({ state: 'visible' })
    expect(await table.innerText()).toContain(`facts.${BAD}.value`)
    expect(await table.locator('tbody th[scope="row"]').count()).toBe(0)
    expect(await chart.locator('a[download]').count()).toBe(0)
  })

  it('says so in the presenter\'s sources list too', async () => {
    const no = affected[1]!
    await page.goto(`${server.url}presenter/${no}`)
    await page.getByRole('button', { name: /Sources ·/ }).click()
    const alerts = await page.locator('#presenter-sources [role="alert"]').allInnerTexts()
    expect(alerts.length).toBeGreaterThan(0)
    for (const alert of alerts)
      expect(alert).toContain(`facts.${BAD}.value`)
  })

  it('leaves the slides that do not use it whole', async () => {
    const base = server.url
    const untouched = slides.map((_, i) => i + 1).filter(no => !affected.includes(no) && /<(?:BarChart|PartnershipTriangle)\b/.test(slides[no - 1]!.content))
    expect(untouched.length).toBeGreaterThan(0)
    for (const no of untouched) {
      await page.goto(`${base}${no}?clicks=99`)
      await waitForSlide(page, no)
      expect(await page.locator(`#slideshow .slidev-page[data-slidev-no="${no}"] [role="alert"]`).count(), `slide ${no}`).toBe(0)
    }
    expect(browserEnv().skip).toBeUndefined()
  })
})
