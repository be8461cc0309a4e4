// Every export, made once by its npm script (into test-results/exports through DECK_EXPORT_DIR) and
// read with tools this project did not write: poppler-utils for the PDFs, the PowerPoint's own XML,
// Chromium for the one-file copy opened from disk. The scripts check their files themselves
// (scripts/export-checks.mjs); these tests prove what a reader of each file gets.

import type { Browser, Page } from 'playwright-core'
import { Buffer } from 'node:buffer'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { inflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckSlides, MAX_BYTES, unzip, xmlText } from '../../scripts/export-checks.mjs'
import { pdfUaProblems } from '../../scripts/pdf-ua.mjs'
import { pptxA11yProblems } from '../../scripts/pptx-a11y.mjs'
import { distinctiveNotePhrases, normalizeText, readDeck, ROOT } from './deck'
import { browserEnv, closeQuietly, describeBrowser, launch, waitForSlide } from './helpers'

const OUT = path.join(ROOT, 'test-results', 'exports')
const BASE = 'amazon-openai-briefing'
const file = (suffix: string) => path.join(OUT, `${BASE}${suffix}`)
const slides = deckSlides()
const notePhrases = distinctiveNotePhrases(readDeck(), 1)
const skipPdf = browserEnv().pdfSkip

function npmRun(script: string, env: Record<string, string> = {}): Promise<{ code: number, output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: ROOT, env: { ...process.env, DECK_EXPORT_DIR: OUT, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    child.stderr.on('data', (d) => {
      output += d
    })
    child.on('error', reject)
    child.on('exit', code => resolve({ code: code ?? 1, output }))
  })
}

const made = new Map<string, Promise<void>>()
/** Starts the exports two at a time (two CPUs): a dev-server export beside a build or a second export. */
function startExports() {
  const run = (script: string) => npmRun(script).then(({ code, output }) => {
    if (code !== 0)
      throw new Error(`npm run ${script} failed:\n${output.slice(-3000)}`)
  })
  const chain = (scripts: string[]) => scripts.reduce<Promise<void>>((previous, script) => {
    const next = previous.catch(() => {}).then(() => run(script))
    made.set(script, next)
    next.catch(() => {})
    return next
  }, Promise.resolve())
  // The first dev-server export runs alone beside the build, so only one fills Vite's dependency cache.
  chain(['export:html', 'export:pptx'])
  chain(skipPdf ? [] : ['export', 'export:handout'])
}
const exported = (script: string) => made.get(script)!

const tool = (name: string, args: string[]) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] })

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
  if (token.startsWith('<')) {
    const bytes = Buffer.from(token.slice(1, -1), 'hex')
    return bytes.subarray(2).swap16().toString('utf16le')
  }
  return token.slice(1, -1).replace(/\\([()\\])/g, '$1')
}

/** What the one-file copy showed, slide by slide, walked by keyboard (shared with the PDF tests). */
const walked: { no: number, steps: number, labels: string[], canvases: { drawn: boolean, label: string }[], csv: number }[] = []

describeBrowser('exports', () => {
  let browser: Browser
  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true })
    mkdirSync(OUT, { recursive: true })
    browser = await launch()
    startExports()
  })
  afterAll(async () => closeQuietly(browser))

  describe('npm run export:html: one file that opens from disk', () => {
    const html = file('.html')
    const requests: string[] = []
    const errors: string[] = []
    let page: Page
    let darkToggled = false

    beforeAll(async () => {
      await exported('export:html')
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: 'light' })
      const url = pathToFileURL(html).href
      // Everything but the file itself is refused and recorded.
      await context.route('**/*', route => (route.request().url().split('#')[0] === url || /^(?:data|blob):/.test(route.request().url()) ? route.continue() : (requests.push(route.request().url()), route.abort())))
      page = await context.newPage()
      page.on('pageerror', e => errors.push(e.message))
      page.on('console', m => m.type() === 'error' && errors.push(m.text()))
      await page.goto(url)
      // ArrowRight through every click of every slide; what each slide shows is read at its last click.
      const seen = new Map<number, (typeof walked)[number]>()
      for (;;) {
        const no = Number(new URL(page.url()).hash.match(/^#\/(\d+)/)?.[1])
        await waitForSlide(page, no)
        seen.set(no, { no, steps: (seen.get(no)?.steps ?? 0) + 1, ...await page.evaluate(async selector => ({
          // Each chart's Data disclosure, opened: its CSV link (a data: URL) is built while open.
          csv: await (async () => {
            const charts = [...document.querySelectorAll<HTMLDetailsElement>(`${selector} details.chart-data`)]
            charts.forEach((d) => {
              d.open = true
            })
            const links = () => document.querySelectorAll(`${selector} a[download][href^="data:text/csv"]`).length
            for (let frame = 0; frame < 30 && links() < charts.length; frame++)
              await new Promise(resolve => requestAnimationFrame(resolve))
            const count = links()
            charts.forEach((d) => {
              d.open = false
            })
            return count
          })(),
          labels: [...document.querySelectorAll(`${selector} [role="img"][aria-label]`)].map(el => el.getAttribute('aria-label')!),
          canvases: [...document.querySelectorAll<HTMLCanvasElement>(`${selector} canvas`)].map((canvas) => {
            const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? []
            let opaque = 0
            for (let i = 3; i < data.length; i += 4) opaque += data[i]! > 8 ? 1 : 0
            return { drawn: opaque / Math.max(1, data.length / 4) > 0.01, label: canvas.getAttribute('aria-label') ?? '' }
          }),
        }), `#slideshow .slidev-page[data-slidev-no="${no}"]`) })
        const before = page.url()
        await page.keyboard.press('ArrowRight')
        if (!await page.waitForFunction(b => location.href !== b, before, { timeout: 3000 }).catch(() => false))
          break
      }
      walked.push(...seen.values())
      await page.keyboard.press('d')
      darkToggled = await page.evaluate(() => document.documentElement.classList.contains('dark'))
    })

    it('is one file of at most 3 MB, with no request leaving it and no error', () => {
      expect(readdirSync(OUT).filter(name => name.endsWith('.html'))).toEqual([path.basename(html)])
      expect(statSync(html).size).toBeLessThanOrEqual(MAX_BYTES.html)
      expect(requests).toEqual([])
      expect(errors).toEqual([])
    })

    it('reaches every slide by keyboard, with its charts drawn', () => {
      expect(walked.map(s => s.no)).toEqual(slides.map((_, i) => i + 1))
      expect(walked.reduce((steps, s) => steps + s.steps, 0), 'slides and clicks stepped through').toBeGreaterThan(slides.length)
      const canvases = walked.flatMap(s => s.canvases.map(c => ({ no: s.no, ...c })))
      expect(canvases.length, 'charts in the deck').toBeGreaterThan(0)
      expect(canvases.filter(c => !c.drawn)).toEqual([])
      // Each chart offers its data as CSV from a data: URL, which a file:// page can download.
      expect(walked.filter(s => s.csv !== s.canvases.length).map(s => s.no)).toEqual([])
    })

    it('toggles dark mode with d, and carries no speaker notes', () => {
      expect(darkToggled).toBe(true)
      const text = normalizeText(readFileSync(html, 'utf8'))
      expect(notePhrases.filter(({ phrases }) => text.includes(phrases[0]!)).map(({ no }) => no)).toEqual([])
    })
  })

  describe.skipIf(!!skipPdf)(`npm run export: the PDF${skipPdf ? ` [skipped: ${skipPdf}]` : ''}`, () => {
    const pdf = file('.pdf')
    let objects = ''
    beforeAll(async () => {
      await exported('export')
      objects = pdfObjects(pdf)
    })

    it('is tagged, in English, with Title, Author, Subject and Keywords', () => {
      const info = tool('pdfinfo', [pdf])
      expect(info).toMatch(/^Tagged:\s+yes$/m)
      expect(objects).toMatch(/\/Lang \(en/)
      for (const field of ['Title', 'Author', 'Subject', 'Keywords'])
        expect(info, field).toMatch(new RegExp(`^${field}:\\s+\\S`, 'm'))
      expect(objects).toMatch(/\/S \/H1\b/)
      expect(objects).toMatch(/\/S \/LI\b/)
    })

    it('gives each chart and the triangle a figure whose alt text is its summary', () => {
      const alts = [...objects.matchAll(/\/Alt\s*(\((?:[^()\\]|\\.)*\)|<FEFF[0-9A-F]*>)/gi)].map(m => pdfString(m[1]!))
      const labels = walked.flatMap(s => s.labels)
      expect(labels.length, 'labelled figures in the deck').toBeGreaterThan(0)
      expect(labels.filter(label => !alts.includes(label))).toEqual([])
    })

    it('meets the PDF/UA-1 rules we check (qpdf --json), with XMP metadata pdfinfo reads', () => {
      expect(pdfUaProblems(pdf)).toEqual([])
      const xmp = tool('pdfinfo', ['-meta', pdf])
      expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>')
      expect(xmp).toContain(`<rdf:li xml:lang="x-default">${slides[0]!.frontmatter.title}</rdf:li>`)
      const links = [...objects.matchAll(/\/Subtype \/Link\b((?:(?!>>)[\s\S])*)/g)].map(m => m[1]!)
      const described = links.map(dict => pdfString(dict.match(/\/Contents\s*(<FEFF[0-9A-F]*>|\((?:[^()\\]|\\.)*\))/i)?.[1] ?? '()'))
      expect(links.length, 'links').toBeGreaterThan(0)
      expect(described.filter(d => !/source/.test(d))).toEqual([])
    })

    it('has one bookmark per slide, titled as the slide', () => {
      const outline = [...tool('pdftohtml', ['-xml', '-stdout', '-i', '-q', pdf]).matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)]
      expect(outline.map(m => Number(m[1]))).toEqual(slides.map((_, i) => i + 1))
      expect(outline.filter(m => /&lt;|[<>]/.test(m[2]!)).map(m => `page ${m[1]}: ${m[2]}`), 'bookmarks with markup').toEqual([])
    })

    it('links each figure to its row on the sources slide', () => {
      const linked = new Set([...objects.matchAll(/\/Dest \/fact-(\w+)/g)].map(m => m[1]))
      const dests = [...tool('pdfinfo', ['-dests', pdf]).matchAll(/^\s*(\d+) .*"fact-(\w+)"$/gm)].map(m => ({ page: Number(m[1]), key: m[2]! }))
      expect(linked.size).toBeGreaterThan(0)
      expect([...linked].filter(key => !dests.some(d => d.key === key))).toEqual([])
      const sources = new Set(dests.map(d => d.page))
      expect(sources.size, 'one sources slide').toBe(1)
      expect(tool('pdftotext', ['-f', String([...sources][0]), '-l', String([...sources][0]), pdf, '-'])).toMatch(/source/i)
    })

    it('uses only the deck\'s own fonts, and its apostrophes search as written', () => {
      const own = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies as object)
        .filter(name => name.startsWith('@fontsource/'))
        .map(name => name.slice(12).replace(/-/g, ''))
      const fonts = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean).map(line => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
      expect(fonts.filter(font => !own.some(family => font.toLowerCase().replace(/[-_]/g, '').startsWith(family)))).toEqual([])
      // U+02BC (modifier letter apostrophe) breaks a viewer's search for "Amazon's"; pdf.js reads the
      // ToUnicode maps, pdftotext the same maps.
      expect(objects).not.toMatch(/<[0-9A-F]{4}> <02BC>/i)
      const text = tool('pdftotext', [pdf, '-'])
      expect(text).not.toContain('\u02BC')
      expect(text).toMatch(/Amazon['\u2019]s/)
    })
  })

  describe('npm run export:pptx: an audience copy and a presenter copy', () => {
    let audience: Map<string, string>
    let presenter: Map<string, string>
    const parts = (zip: Map<string, string>, kind: 'slides/slide' | 'notesSlides/notesSlide') =>
      [...zip.entries()].filter(([name]) => new RegExp(`^ppt/${kind}\\d+\\.xml$`).test(name)).map(([, xml]) => xml)
    beforeAll(async () => {
      await exported('export:pptx')
      audience = unzip(readFileSync(file('-audience.pptx')))
      presenter = unzip(readFileSync(file('-presenter.pptx')))
    })

    it('has one slide per slide, each with editable text runs', () => {
      for (const zip of [audience, presenter]) {
        const xml = parts(zip, 'slides/slide')
        expect(xml).toHaveLength(slides.length)
        expect(xml.map((x, i) => ({ slide: i + 1, text: xmlText(x).trim().length > 0 })).filter(s => !s.text)).toEqual([])
        // Shrink on overflow: a viewer without Inter (LibreOffice on Linux) sets wider text.
        const count = (x: string, tag: string) => x.split(`<${tag}`).length - 1
        const fixed = xml.map((x, i) => ({ slide: i + 1, boxes: count(x, 'a:bodyPr'), shrinking: count(x, 'a:normAutofit') })).filter(s => s.boxes !== s.shrinking)
        expect(fixed, 'slides with a text box that cannot shrink').toEqual([])
      }
    })

    it('titles every slide with a title placeholder, first in reading order, as the deck does', () => {
      expect(pptxA11yProblems(audience)).toEqual([])
      expect(pptxA11yProblems(presenter)).toEqual([])
      const titles = parts(audience, 'slides/slide').map(x => xmlText(x.match(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<p:ph type="title"\/>[\s\S]*?<\/p:sp>/)?.[0] ?? ''))
      expect(titles.map(t => t.toLowerCase())).toEqual(slides.map(s => (s.title ?? '').toLowerCase()))
    })

    it('shows every title whole in LibreOffice, which has no Inter: no text runs off a slide', () => {
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
      const outside = pages.flatMap((p, i) => p.words.filter(w => w.min < 0 || w.max > p.width + 0.5).map(w => `slide ${i + 1}: ${w.text}`))
      expect(outside).toEqual([])
      const shown = pages.map(p => normalizeText(p.words.map(w => w.text).join(' ')).toLowerCase())
      expect(slides.map((s, i) => ({ slide: i + 1, title: s.title ?? '' })).filter(s => !shown[s.slide - 1]!.includes(normalizeText(s.title).toLowerCase()))).toEqual([])
    })

    it('gives the charts and the triangle their summaries as alt text', () => {
      const descr = parts(audience, 'slides/slide').flatMap(x => [...x.matchAll(/descr="([^"]*)"/g)].map(m => xmlText(`<a:t>${m[1]}</a:t>`)))
      expect(descr.filter(d => d.startsWith('Rendered as an image'))).toEqual([])
      expect(walked.flatMap(s => s.labels).filter(label => !descr.includes(label))).toEqual([])
    })

    it('keeps notes out of the audience copy and clean in the presenter copy', () => {
      expect(parts(audience, 'notesSlides/notesSlide').map(xmlText).filter(t => /[a-z]{3}/i.test(t))).toEqual([])
      const notes = parts(presenter, 'notesSlides/notesSlide')
      const text = normalizeText(notes.map(xmlText).join(' '))
      expect(notePhrases.filter(({ phrases }) => !text.includes(phrases[0]!)).map(({ no }) => no)).toEqual([])
      expect(notes.filter(x => /\[click|&lt;|\*\*|`/.test(xmlText(x)))).toEqual([])
      // One <a:p> per paragraph, not one run with line breaks in it.
      expect(notes.filter(x => /<a:t>[^<]*\n/.test(x))).toEqual([])
    })
  })

  describe.skipIf(!!skipPdf)('npm run export:handout', () => {
    const pdf = file('-handout.pdf')
    beforeAll(async () => exported('export:handout'))

    it('has every slide as searchable text with its notes, in at most 1.5 MB, titled cleanly', () => {
      expect(statSync(pdf).size).toBeLessThanOrEqual(MAX_BYTES.handout)
      expect(pdfUaProblems(pdf)).toEqual([])
      const info = tool('pdfinfo', [pdf])
      expect(Number(info.match(/^Pages:\s+(\d+)/m)?.[1])).toBeGreaterThanOrEqual(slides.length)
      expect(info.match(/^Title:\s+(\S.*)$/m)?.[1]).toBe(`${slides[0]!.frontmatter.title}: speaker notes`)
      const text = normalizeText(tool('pdftotext', [pdf, '-']).replace(/-\n\s*/g, '').replace(/\s+/g, ' '))
      expect(notePhrases.filter(({ phrases }) => !text.includes(phrases[0]!)).map(({ no }) => no)).toEqual([])
      const headings = slides.map(s => s.title ?? '').filter(t => t && !t.includes('<'))
      expect(headings.filter(t => !text.includes(normalizeText(t)))).toEqual([])
      // No print-time date stamp; one page number, the slide's own "Slide N of M", not also "N/M".
      expect(text.match(/\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}:\d\d:\d\d/g)).toBeNull()
      expect(text.match(new RegExp(`\\b\\d+/${slides.length}\\b`, 'g'))).toBeNull()
    })
  })

  describe.skipIf(!!skipPdf)('a broken export', () => {
    it('fails the command with what was wrong, twice tried, nothing left under the name', async () => {
      const bad = path.join(OUT, 'blank-page.pdf')
      const page = await browser.newPage()
      await page.setContent(slides.map((_, i) => `<section style="break-after:page">${i === 2 ? '' : `Slide ${i + 1}`}</section>`).join(''))
      await page.pdf({ path: bad })
      await page.close()
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
      expect(output).toMatch(/page 3 has no text/)
      expect(output).toMatch(/Making it once more/)
      expect(output).toMatch(/failed twice: nothing was written/)
      expect(existsSync(target)).toBe(false)
      expect(existsSync(path.dirname(target)) ? readdirSync(path.dirname(target)) : []).toEqual([])
    })
  })
})
