import type { ChartId } from '../../snippets/charts'
// Every export, made by its npm script while the other browser tests ran (tests/browser/global-setup.ts,
// into test-results/exports) and read with tools this project did not write: poppler-utils for the
// PDFs, the PowerPoint's own XML and LibreOffice, Chromium for the one-file copy opened from disk.
// The scripts check their files themselves (scripts/export-checks.mjs: pages, text, ink, PDF/UA,
// slide count, notes, alt text placeholders, titles); these tests prove what those checks do not.
import { Buffer } from 'node:buffer'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { inflateSync } from 'node:zlib'
import { expect, it } from 'vitest'
import { deckSlides } from '../../scripts/export-checks.mjs'
import { unzip, xmlText } from '../../scripts/pptx-a11y.mjs'
import { CHARTS, chartSummary } from '../../snippets/charts'
import { headmatter } from '../deck-source'
import { distinctiveNotePhrases, normalizeText, readDeck, ROOT } from './deck'
import { EXPORTS_DIR as OUT } from './env'
import { browserEnv, describeBrowser, launch, sharedBrowser, waitForSlide } from './helpers'

const BASE = 'amazon-openai-briefing'
const file = (suffix: string) => path.join(OUT, `${BASE}${suffix}`)
const slides = deckSlides()
const notePhrases = distinctiveNotePhrases(readDeck(), 1)
/** Without poppler-utils the global setup makes no exports (never under CI=true: it fails there). */
const skipPdf = browserEnv().pdfSkip
/** What each chart and the triangle say to a screen reader: their alt text in every export. */
const chartSummaries = [...new Set(slides.flatMap(s => [...s.content.matchAll(/<BarChart chart="(\w+)"/g)].map(m => m[1] as ChartId)))]
  .map(id => chartSummary(CHARTS[id]))
const TRIANGLE = /^Triangle of three companies\. /

/** Waits for the global setup's run of `npm run <script>`; throws its output if it failed. */
async function exported(script: string): Promise<void> {
  const status = path.join(OUT, `${script}.json`)
  for (let waited = 0; !existsSync(status); waited += 500) {
    if (waited > 900_000)
      throw new Error(`npm run ${script} did not end within 15 minutes`)
    await new Promise(resolve => setTimeout(resolve, 500))
  }
  const { code, output } = JSON.parse(readFileSync(status, 'utf8')) as { code: number, output: string }
  if (code !== 0)
    throw new Error(`npm run ${script} failed:\n${output.slice(-3000)}`)
}

const tool = (name: string, args: string[]) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] })
const pdfText = (pdf: string) => normalizeText(tool('pdftotext', [pdf, '-']).replace(/-\n\s*/g, '').replace(/\s+/g, ' '))
const missingNotes = (text: string) => notePhrases.filter(({ phrases }) => !text.includes(phrases[0]!)).map(({ no }) => no)
const leakedNotes = (text: string) => notePhrases.filter(({ phrases }) => text.includes(phrases[0]!)).map(({ no }) => no)

/** The PDF's bytes and every Flate stream inflated, as Latin-1 text: enough to find its objects. */
function pdfObjects(pdf: string): string {
  const bytes = readFileSync(pdf)
  const parts = [bytes.toString('latin1')]
  for (const match of parts[0]!.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length
    try {
      parts.push(inflateSync(bytes.subarray(start, parts[0]!.indexOf('endstream', start))).toString('latin1'))
    }
    catch {}
  }
  return parts.join('\n')
}
/** A PDF string object's text: `(literal)` in PDFDocEncoding, or `<FEFF…>` hex in UTF-16BE. */
function pdfString(token: string): string {
  if (token.startsWith('<'))
    return Buffer.from(token.slice(1, -1), 'hex').subarray(2).swap16().toString('utf16le')
  return token.slice(1, -1).replace(/\\([()\\])/g, '$1')
}

describeBrowser('npm run export:html: one file that opens from disk', () => {
  const browser = sharedBrowser()

  it('reaches every slide by keyboard with its charts drawn and their CSV, asks for nothing, shows no notes', async () => {
    await exported('export:html')
    const html = file('.html')
    const url = pathToFileURL(html).href
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } })
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
}, skipPdf)

describeBrowser('npm run export: the PDF', () => {
  const pdf = file('.pdf')
  const objects = () => pdfObjects(pdf)

  it('gives each chart and the triangle its summary as alt text', async () => {
    await exported('export')
    const all = objects()
    const alts = [...all.matchAll(/\/Alt\s*(\((?:[^()\\]|\\.)*\)|<FEFF[0-9A-F]*>)/gi)].map(m => pdfString(m[1]!))
    expect(chartSummaries.filter(label => !alts.includes(label))).toEqual([])
    expect(alts.filter(alt => TRIANGLE.test(alt))).toHaveLength(1)
  })

  it('links each figure to its row on the sources slide, each link saying where it goes', async () => {
    await exported('export')
    const all = objects()
    const links = [...all.matchAll(/\/Subtype \/Link\b((?:(?!>>)[\s\S])*)/g)].map(m => m[1]!)
    const described = links.map(dict => pdfString(dict.match(/\/Contents\s*(<FEFF[0-9A-F]*>|\((?:[^()\\]|\\.)*\))/i)?.[1] ?? '()'))
    expect(links.length, 'links').toBeGreaterThan(0)
    expect(described.filter(d => !/source/.test(d))).toEqual([])
    const linked = new Set([...all.matchAll(/\/Dest \/fact-(\w+)/g)].map(m => m[1]))
    const dests = [...tool('pdfinfo', ['-dests', pdf]).matchAll(/^\s*(\d+) .*"fact-(\w+)"$/gm)].map(m => ({ page: Number(m[1]), key: m[2]! }))
    expect(linked.size).toBeGreaterThan(0)
    expect([...linked].filter(key => !dests.some(d => d.key === key))).toEqual([])
    const sources = new Set(dests.map(d => d.page))
    expect(sources.size, 'one sources slide').toBe(1)
    expect(tool('pdftotext', ['-f', String([...sources][0]), '-l', String([...sources][0]), pdf, '-'])).toMatch(/source/i)
  })

  it('uses only the deck\'s own fonts, and its apostrophes search as written', async () => {
    await exported('export')
    const own = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies as object)
      .filter(name => name.startsWith('@fontsource/'))
      .map(name => name.slice(12).replace(/-/g, ''))
    const fonts = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean).map(line => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
    expect(fonts.filter(font => !own.some(family => font.toLowerCase().replace(/[-_]/g, '').startsWith(family)))).toEqual([])
    // U+02BC (modifier letter apostrophe) breaks a viewer's search for "Amazon's"; pdf.js reads the
    // ToUnicode maps, pdftotext the same maps.
    expect(objects()).not.toMatch(/<[0-9A-F]{4}> <02BC>/i)
    const text = tool('pdftotext', [pdf, '-'])
    expect(text).not.toContain('\u02BC')
    expect(text).toMatch(/Amazon['\u2019]s/)
  })
}, skipPdf)

describeBrowser('npm run export:pptx: an audience copy and a presenter copy', () => {
  const parts = (copy: 'audience' | 'presenter', kind: 'slides/slide' | 'notesSlides/notesSlide') =>
    [...unzip(readFileSync(file(`-${copy}.pptx`))).entries()].filter(([name]) => new RegExp(`^ppt/${kind}\\d+\\.xml$`).test(name)).map(([, xml]) => xml)

  it('titles each slide as the deck does, lets every text box shrink, gives figures their summaries as alt text', async () => {
    await exported('export:pptx')
    const xml = parts('audience', 'slides/slide')
    const titles = xml.map(x => xmlText(x.match(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<p:ph type="title"\/>[\s\S]*?<\/p:sp>/)?.[0] ?? ''))
    expect(titles.map(t => t.toLowerCase())).toEqual(slides.map(s => (s.title ?? '').toLowerCase()))
    // Shrink on overflow: a viewer without Inter (LibreOffice on Linux) sets wider text.
    const count = (x: string, tag: string) => x.split(`<${tag}`).length - 1
    expect(xml.flatMap((x, i) => count(x, 'a:bodyPr') === count(x, 'a:normAutofit') ? [] : [i + 1]), 'slides with a box that cannot shrink').toEqual([])
    const descr = xml.flatMap(x => [...x.matchAll(/descr="([^"]*)"/g)].map(m => xmlText(`<a:t>${m[1]}</a:t>`)))
    expect(chartSummaries.filter(label => !descr.includes(label))).toEqual([])
    expect(descr.filter(d => TRIANGLE.test(d))).toHaveLength(1)
  })

  it('shows every title whole in LibreOffice, which has no Inter: no text runs off a slide', async () => {
    await exported('export:pptx')
    const dir = path.join(OUT, 'libreoffice')
    mkdirSync(dir, { recursive: true })
    // Its own profile: another soffice running on the machine would otherwise take the job.
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file('-audience.pptx')], { stdio: 'ignore', timeout: 170_000 })
    const layout = tool('pdftotext', ['-bbox', path.join(dir, `${BASE}-audience.pdf`), '-'])
    const pages = layout.split('<page ').slice(1).map(page => ({
      width: Number(page.match(/^width="([\d.]+)"/)?.[1]),
      words: [...page.matchAll(/xMin="([\d.-]+)"[^>]*xMax="([\d.-]+)"[^>]*>([^<]*)</g)].map(m => ({ min: Number(m[1]), max: Number(m[2]), text: m[3]! })),
    }))
    expect(pages).toHaveLength(slides.length)
    expect(pages.flatMap((p, i) => p.words.filter(w => w.min < 0 || w.max > p.width + 0.5).map(w => `slide ${i + 1}: ${w.text}`))).toEqual([])
    const shown = pages.map(p => normalizeText(p.words.map(w => w.text).join(' ')).toLowerCase())
    expect(slides.flatMap((s, i) => shown[i]!.includes(normalizeText(s.title ?? '').toLowerCase()) ? [] : [i + 1])).toEqual([])
  })

  it('gives the presenter copy every slide\'s notes, one paragraph per paragraph', async () => {
    await exported('export:pptx')
    const notes = parts('presenter', 'notesSlides/notesSlide')
    expect(missingNotes(normalizeText(notes.map(xmlText).join(' ')))).toEqual([])
    expect(notes.filter(x => /<a:t>[^<]*\n/.test(x))).toEqual([])
  })
}, skipPdf)

describeBrowser('npm run export:handout', () => {
  it('has every slide\'s heading and notes as searchable text, titled cleanly, without a print stamp', async () => {
    await exported('export:handout')
    const pdf = file('-handout.pdf')
    expect(tool('pdfinfo', [pdf]).match(/^Title:[ \t]+(\S.*)$/m)?.[1]).toBe(`${headmatter.title}: speaker notes`)
    const text = pdfText(pdf)
    expect(missingNotes(text)).toEqual([])
    const headings = slides.map(s => s.title ?? '').filter(t => t && !t.includes('<'))
    expect(headings.filter(t => !text.includes(normalizeText(t)))).toEqual([])
    // No print-time date stamp; one page number, the slide's own "Slide N of M", not also "N/M".
    expect(text.match(/\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}:\d\d:\d\d/g)).toBeNull()
    expect(text.match(new RegExp(`\\b\\d+/${slides.length}\\b`, 'g'))).toBeNull()
  })
}, skipPdf)

describeBrowser('npm run export:summary: the page to leave', () => {
  it('puts the takeaway, a hedged figure, what to watch, the source and the date on the page', async () => {
    await exported('export:summary')
    const page = tool('pdftotext', [file('-summary.pdf'), '-'])
    for (const part of [/takeaway/i, /\$500B\+/, /north of \$500 billion/, /What to watch/, /Bloomberg/])
      expect(page).toMatch(part)
    expect(page.toLowerCase()).toContain(`figures as of ${String(headmatter.date).toLowerCase()}`)
  })
}, skipPdf)

describeBrowser('a broken export', () => {
  it('fails the command with what was wrong, twice tried, nothing left under the name', async () => {
    const bad = path.join(OUT, 'blank-page.pdf')
    const browser = await launch()
    const page = await browser.newPage()
    await page.setContent(slides.map((_, i) => `<section style="break-after:page">${i === 2 ? '' : `Slide ${i + 1}`}</section>`).join(''))
    await page.pdf({ path: bad })
    await browser.close()
    const target = path.join(OUT, 'broken', 'deck.pdf')
    const { code, output } = await new Promise<{ code: number, output: string }>((resolve) => {
      const copy = `require('node:fs').copyFileSync(${JSON.stringify(bad)}, process.argv.at(-1))`
      const child = spawn(process.execPath, ['scripts/export-checks.mjs', 'pdf', target, '--', process.execPath, '-e', copy, '--'], { cwd: ROOT })
      let output = ''
      child.stdout.on('data', (d) => {
        output += d
      })
      child.stderr.on('data', (d) => {
        output += d
      })
      child.on('exit', code => resolve({ code: code ?? 1, output }))
    })
    expect(code).toBe(1)
    expect(output).toMatch(/page\(s\) 3 without text/)
    expect(output).toMatch(/Making it once more/)
    expect(output).toMatch(/failed twice: nothing was written/)
    expect(existsSync(target)).toBe(false)
    expect(existsSync(path.dirname(target)) ? readdirSync(path.dirname(target)) : []).toEqual([])
  })
}, skipPdf)
