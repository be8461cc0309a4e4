// The exports, made by the npm scripts themselves (output redirected to test-results/exports):
// the PDF has one page per slide, every section title and key figure as text, and every chart drawn;
// the click-by-click PDF has one page per click; the PPTX one slide per slide with notes; the
// handout every slide with its notes.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { distinctiveNotePhrases, normalizeText, readDeck, ROOT } from './deck'
import { pdfPages, pdfText, regionStats, renderPage, zipEntries } from './files'
import { browserEnv, closeQuietly, deck, describeBrowser, launch, parseSlideUrl, slideSelector, waitForSlide } from './helpers'

const slides = readDeck()
const OUT = path.join(ROOT, 'test-results', 'exports')

/** The article's section headings: the deck shows each as a small label on its slides. */
export const SECTION_TITLES = [
  'The Deal That Changes Everything',
  'Why Amazon Actually Needs This',
  'The Chip Angle Is the Real Story',
  'What Microsoft Thinks About This',
  'The Valuation Question',
  'What Could Go Wrong',
  'My Take',
]
export const KEY_FIGURES = ['$10B', '$500B', '$183B', '$230B', '$150B', '$13B', '$4B', '$5B']

function npmRun(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => { output += d })
    child.stderr.on('data', (d) => { output += d })
    child.on('error', reject)
    child.on('exit', code => (code === 0 ? resolve(output) : reject(new Error(`npm run ${script} exited with ${code}\n${output.slice(-4000)}`))))
  })
}

const compact = (text: string) => normalizeText(text).replace(/\s+/g, '')

describeBrowser('exports', () => {
  /** Slides with charts, and where each chart canvas sits on its slide (fractions of the slide box). */
  const charts: { no: number, chart: string, x: number, y: number, w: number, h: number }[] = []
  const clicks = new Map<number, number>()
  let browser: Browser

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true })
    mkdirSync(OUT, { recursive: true })
    browser = await launch()
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const { url, base } = deck('public')
    for (const { no } of slides) {
      await page.goto(`${url}${no}?clicks=999`)
      await waitForSlide(page, no)
      clicks.set(no, parseSlideUrl(page.url(), base).clicks)
      charts.push(...await page.evaluate((selector) => {
        const slide = document.querySelector(selector)!
        const box = slide.getBoundingClientRect()
        return [...slide.querySelectorAll('.chart-frame')].map((frame) => {
          const r = (frame.querySelector('canvas') ?? frame).getBoundingClientRect()
          return { chart: frame.getAttribute('data-chart') ?? '?', x: (r.left - box.left) / box.width, y: (r.top - box.top) / box.height, w: r.width / box.width, h: r.height / box.height }
        })
      }, slideSelector(no)).then(found => found.map(f => ({ no, ...f }))))
    }
  })
  afterAll(async () => closeQuietly(browser))

  describe.skipIf(!!browserEnv().pdfSkip)(`npm run export${browserEnv().pdfSkip ? ` [skipped: ${browserEnv().pdfSkip}]` : ''}`, () => {
    const file = path.join(OUT, 'deck.pdf')
    beforeAll(async () => {
      await npmRun('export', ['--output', file])
    })

    it('has one page per slide', () => {
      expect(pdfPages(file)).toBe(slides.length)
    })

    it('has every section title and every key figure as text', () => {
      const text = compact(pdfText(file))
      expect(SECTION_TITLES.filter(t => !text.includes(compact(t)))).toEqual([])
      expect(KEY_FIGURES.filter(f => !text.includes(compact(f)))).toEqual([])
    })

    it('has every chart drawn (chart regions are not blank)', () => {
      expect(charts.length, 'slides with a .chart-frame').toBeGreaterThan(0)
      const blank: string[] = []
      for (const chart of charts) {
        const image = renderPage(file, chart.no, OUT)
        // Inset a little so the frame's border does not count as a drawing.
        const inset = { x: chart.x + chart.w * 0.03, y: chart.y + chart.h * 0.03, w: chart.w * 0.94, h: chart.h * 0.94 }
        const stats = regionStats(image, inset)
        if (stats.inked < 0.02 || stats.colors < 3)
          blank.push(`page ${chart.no} (${chart.chart}): ${(stats.inked * 100).toFixed(1)}% inked, ${stats.colors} colours`)
      }
      expect(blank).toEqual([])
    })
  })

  describe.skipIf(!!browserEnv().pdfSkip)('npm run export:clicks', () => {
    it('has one page per click step', async () => {
      const file = path.join(OUT, 'deck-clicks.pdf')
      await npmRun('export:clicks', ['--output', file])
      const steps = slides.reduce((sum, { no }) => sum + clicks.get(no)! + 1, 0)
      expect(pdfPages(file)).toBe(steps)
    })
  })

  it('npm run export:pptx: one slide per slide, each with its notes', async () => {
    const file = path.join(OUT, 'deck.pptx')
    await npmRun('export:pptx', ['--output', file])
    const names = zipEntries(readFileSync(file))
    const slideFiles = names.filter(n => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    expect(slideFiles).toHaveLength(slides.length)
    const withNotes = slides.filter(s => s.note).length
    expect(names.filter(n => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).length).toBeGreaterThanOrEqual(withNotes)
  })

  describe.skipIf(!!browserEnv().pdfSkip)('npm run export:handout', () => {
    it('has every slide with its speaker notes', async () => {
      const file = path.join(OUT, 'handout.pdf')
      await npmRun('export:handout', ['--output', file])
      expect(pdfPages(file)).toBeGreaterThanOrEqual(slides.length)
      const text = normalizeText(pdfText(file).replace(/-\n\s*/g, '').replace(/\s+/g, ' '))
      const missing = distinctiveNotePhrases(slides, 1).filter(({ phrases }) => !text.includes(phrases[0]!)).map(({ no, phrases }) => `slide ${no}: "${phrases[0]}"`)
      expect(missing).toEqual([])
      for (const { no } of slides)
        expect(text).toContain(`${no} / ${slides.length}`)
    })
  })
})
