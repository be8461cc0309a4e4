// Every export, made by its npm script while the other browser tests ran (tests/browser/global-setup.ts,
// into test-results/exports) and read with tools this project did not write: poppler-utils for the
// PDFs, the PowerPoint's own XML and LibreOffice.
// The scripts check their files themselves (scripts/export-checks.mjs: pages, text, ink, PDF/UA,
// slide count, notes, alt text placeholders, titles); these tests prove what those checks do not.
// (The one-file copy: one-file.test.ts.)
import type { ChartId } from '../../snippets/charts'
import { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { inflateSync } from 'node:zlib'
import { expect, it } from 'vitest'
import { deckSlides } from '../../scripts/export-checks.mjs'
import { unzip, xmlText } from '../../scripts/pptx-a11y.mjs'
import { spawnCollecting } from '../../scripts/spawn-collecting.mjs'
import { CHARTS, chartSummary } from '../../snippets/charts'
import { headmatter } from '../deck-source'
import { distinctiveNotePhrases, normalizeText, readDeck, ROOT } from './deck'
import { EXPORTS_DIR as OUT } from './env'
import { browserEnv, connectBrowser, describeBrowser, exported, exportFile } from './helpers'

const slides = deckSlides()
const notePhrases = distinctiveNotePhrases(readDeck(), 1)
/** Without poppler-utils the global setup makes no exports (never under CI=true: it fails there). */
const skipPdf = browserEnv().pdfSkip
/** What each chart and the triangle say to a screen reader: their alt text in every export. */
const chartSummaries = [...new Set(slides.flatMap(s => [...s.content.matchAll(/<BarChart chart="(\w+)"/g)].map(m => m[1] as ChartId)))]
  .map(id => chartSummary(CHARTS[id]))
const TRIANGLE = /^Triangle of three companies\. /

const tool = (name: string, args: string[]) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] })
const pdfText = (pdf: string) => normalizeText(tool('pdftotext', [pdf, '-']).replace(/-\n\s*/g, '').replace(/\s+/g, ' '))
const missingNotes = (text: string) => notePhrases.filter(({ phrases }) => !text.includes(phrases[0]!)).map(({ no }) => no)

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

describeBrowser('npm run export: the PDF', () => {
  const pdf = exportFile('.pdf')
  let inflated: string | undefined
  /** Read once, after the export has been made (each test awaits it first). */
  const objects = () => (inflated ??= pdfObjects(pdf))

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

describeBrowser('npm run export:pptx:audience: the audience\'s PowerPoint', () => {
  const slideParts = () => [...unzip(readFileSync(exportFile('-audience.pptx'))).entries()]
    .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .map(([, xml]) => xml)

  it('titles each slide as the deck does, lets every text box shrink, gives figures their summaries as alt text', async () => {
    await exported('export:pptx:audience')
    const xml = slideParts()
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
    await exported('export:pptx:audience')
    const dir = path.join(OUT, 'libreoffice')
    mkdirSync(dir, { recursive: true })
    // Its own profile: another soffice running on the machine would otherwise take the job.
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, exportFile('-audience.pptx')], { stdio: 'ignore', timeout: 170_000 })
    const layout = tool('pdftotext', ['-bbox', path.join(dir, path.basename(exportFile('-audience.pdf'))), '-'])
    const pages = layout.split('<page ').slice(1).map(page => ({
      width: Number(page.match(/^width="([\d.]+)"/)?.[1]),
      words: [...page.matchAll(/xMin="([\d.-]+)"[^>]*xMax="([\d.-]+)"[^>]*>([^<]*)</g)].map(m => ({ min: Number(m[1]), max: Number(m[2]), text: m[3]! })),
    }))
    expect(pages).toHaveLength(slides.length)
    expect(pages.flatMap((p, i) => p.words.filter(w => w.min < 0 || w.max > p.width + 0.5).map(w => `slide ${i + 1}: ${w.text}`))).toEqual([])
    const shown = pages.map(p => normalizeText(p.words.map(w => w.text).join(' ')).toLowerCase())
    expect(slides.flatMap((s, i) => shown[i]!.includes(normalizeText(s.title ?? '').toLowerCase()) ? [] : [i + 1])).toEqual([])
  })
}, skipPdf)

describeBrowser('npm run export:handout', () => {
  it('has every slide\'s heading and notes as searchable text, titled cleanly, without a print stamp', async () => {
    await exported('export:handout')
    const pdf = exportFile('-handout.pdf')
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

describeBrowser('a broken export', () => {
  it('fails the command with what was wrong, twice tried, nothing left under the name', async () => {
    const bad = path.join(OUT, 'blank-page.pdf')
    const browser = await connectBrowser()
    const page = await browser.newPage()
    await page.setContent(slides.map((_, i) => `<section style="break-after:page">${i === 2 ? '' : `Slide ${i + 1}`}</section>`).join(''))
    await page.pdf({ path: bad })
    await browser.close()
    const target = path.join(OUT, 'broken', 'deck.pdf')
    const copy = `require('node:fs').copyFileSync(${JSON.stringify(bad)}, process.argv.at(-1))`
    const args = ['scripts/export-checks.mjs', 'pdf', target, '--', process.execPath, '-e', copy, '--']
    const { code, output } = await spawnCollecting(process.execPath, args, { cwd: ROOT }).done
    expect(code).toBe(1)
    expect(output).toMatch(/page\(s\) 3 without text/)
    expect(output).toMatch(/Making it once more/)
    expect(output).toMatch(/failed twice: nothing was written/)
    expect(existsSync(target)).toBe(false)
    expect(existsSync(path.dirname(target)) ? readdirSync(path.dirname(target)) : []).toEqual([])
  })
}, skipPdf)
