// `npm run export:html`, made by the global setup (tests/browser/global-setup.ts), opened from disk in
// Chromium with every other request refused: the deck works with no server and no network, every chart
// drawn and its data downloadable, and no speaker note in the file. (Its size and inline script:
// scripts/export-checks.mjs.)
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { expect, it } from 'vitest'
import { deckSlides } from '../../scripts/export-checks.mjs'
import { distinctiveNotePhrases, normalizeText, readDeck } from './deck'
import { EXPORTS_DIR as OUT } from './env'
import { browserEnv, describeBrowser, exported, exportFile, sharedBrowser, waitForSlide } from './helpers'

const slides = deckSlides()
const notePhrases = distinctiveNotePhrases(readDeck(), 1)
const leakedNotes = (text: string) => notePhrases.filter(({ phrases }) => text.includes(phrases[0]!)).map(({ no }) => no)

describeBrowser('npm run export:html: one file that opens from disk', () => {
  const browser = sharedBrowser()

  it('reaches every slide by keyboard with its charts drawn and their CSV, asks for nothing, shows no notes', async () => {
    await exported('export:html')
    const html = exportFile('.html')
    const url = pathToFileURL(html).href
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' })
    const requests: string[] = []
    const errors: string[] = []
    // Everything but the file itself is refused and recorded.
    await context.route('**/*', route => (route.request().url().split('#')[0] === url || /^(?:data|blob):/.test(route.request().url())
      ? route.continue()
      : (requests.push(route.request().url()), route.abort())))
    const page = await context.newPage()
    page.on('pageerror', e => errors.push(e.message))
    page.on('console', m => m.type() === 'error' && errors.push(m.text()))
    await page.goto(url)
    // ArrowRight through every click of every slide; what each slide shows is read at its last click.
    const seen = new Map<number, { steps: number, undrawn: number, charts: number, csv: number }>()
    for (;;) {
      const no = Number(new URL(page.url()).hash.match(/^#\/(\d+)/)?.[1])
      await waitForSlide(page, no)
      seen.set(no, { steps: (seen.get(no)?.steps ?? 0) + 1, ...await page.evaluate(async (selector) => {
        // Each chart's Data disclosure, opened: its CSV link (a data: URL) is built while open.
        const charts = [...document.querySelectorAll<HTMLDetailsElement>(`${selector} details.chart-data`)]
        charts.forEach((d) => {
          d.open = true
        })
        const links = () => document.querySelectorAll(`${selector} a[download][href^="data:text/csv"]`).length
        for (let frame = 0; frame < 30 && links() < charts.length; frame++)
          await new Promise(resolve => requestAnimationFrame(resolve))
        const csv = links()
        charts.forEach((d) => {
          d.open = false
        })
        const canvases = [...document.querySelectorAll<HTMLCanvasElement>(`${selector} canvas`)]
        const undrawn = canvases.filter((canvas) => {
          const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? []
          let opaque = 0
          for (let i = 3; i < data.length; i += 4) opaque += data[i]! > 8 ? 1 : 0
          return opaque / Math.max(1, data.length / 4) <= 0.01
        }).length
        return { charts: canvases.length, undrawn, csv }
      }, `#slideshow .slidev-page[data-slidev-no="${no}"]`) })
      const before = page.url()
      await page.keyboard.press('ArrowRight')
      if (!await page.waitForFunction(b => location.href !== b, before, { timeout: 3000 }).catch(() => false))
        break
    }
    await context.close()
    const walked = [...seen.entries()].map(([no, s]) => ({ no, ...s }))
    expect(walked.map(s => s.no)).toEqual(slides.map((_, i) => i + 1))
    expect(walked.reduce((steps, s) => steps + s.steps, 0), 'slides and clicks stepped through').toBeGreaterThan(slides.length)
    expect(walked.reduce((charts, s) => charts + s.charts, 0), 'charts in the deck').toBeGreaterThan(0)
    // Each chart is drawn and offers its data as CSV from a data: URL, which a file:// page can download.
    expect(walked.filter(s => s.undrawn || s.csv !== s.charts).map(s => s.no)).toEqual([])
    expect({ requests, errors }).toEqual({ requests: [], errors: [] })
    expect(readdirSync(OUT).filter(name => name.endsWith('.html'))).toEqual([path.basename(html)])
    expect(leakedNotes(normalizeText(readFileSync(html, 'utf8')))).toEqual([])
  })
}, browserEnv().pdfSkip)
