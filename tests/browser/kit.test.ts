// The presenter's kit: search and rehearsal in the presenter build, none of it in the audience view;
// the five-minute cut built by its script and held to the full deck's design checks; a `src:` range past
// the deck failing the build; the one-page summary and the cut's PDF exported by their scripts.

import type { Page } from 'playwright-core'
import type { Theme } from './helpers'
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { summaryProblems } from '../../scripts/export-checks.mjs'
import { startServer } from '../../scripts/preview.mjs'
import { checkRehearsal } from '../../snippets/rehearsal'
import { cut, headmatter, slides } from '../deck-source'
import { measureDesign } from './design'
import { browserEnv, closeQuietly, deck, describeBrowser, inspectSlide, parseSlideUrl, sharedBrowser, slideSelector, waitForSlide, watchedContext } from './helpers'

const ROOT = browserEnv().root
const SLIDEV = path.join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
const OUT = path.join(ROOT, 'test-results', 'kit')
const backup = (title: RegExp) => slides.findIndex(s => /deck-backup/.test(String(s.frontmatter.class)) && title.test(s.title ?? '')) + 1
function run(command: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 })
}

describeBrowser('presenter kit', () => {
  const browser = sharedBrowser()
  let presenter: Page
  let audience: Page
  beforeAll(async () => {
    const context = await browser().newContext({ viewport: { width: 1600, height: 900 } })
    ;[presenter, audience] = [await context.newPage(), await context.newPage()]
    await audience.goto(`${deck('presenter').url}2`)
    await presenter.goto(`${deck('presenter').url}presenter/2`)
    await presenter.locator('.presenter-search-toggle').waitFor()
  })
  afterAll(async () => closeQuietly(presenter?.context()))

  it('search: `/` opens it, results follow the typing, Enter jumps and the audience follows, Backspace goes back', async () => {
    await presenter.keyboard.press('/')
    await presenter.keyboard.type('microsoft block')
    const results = presenter.locator('#presenter-search-results li')
    await expect.poll(() => results.first().getAttribute('data-no')).toBe(String(backup(/Microsoft blocks/)))
    await presenter.locator('#presenter-search input').fill('graphics processors')
    // Notes are searched in the built deck too (it keeps only their HTML).
    await expect.poll(() => results.allInnerTexts()).toEqual([expect.stringMatching(/^9 · note/)])
    await presenter.keyboard.press('Enter')
    await presenter.waitForURL(u => parseSlideUrl(u.href, '/').no === 9)
    await audience.waitForURL(u => parseSlideUrl(u.href, '/').no === 9)
    await audience.locator(slideSelector(9)).waitFor({ state: 'visible' })
    await presenter.keyboard.press('Backspace')
    await presenter.waitForURL(u => parseSlideUrl(u.href, '/').no === 2)
    await audience.waitForURL(u => parseSlideUrl(u.href, '/').no === 2)
  })

  it('search: says so when nothing matches', async () => {
    await presenter.keyboard.press('/')
    await presenter.locator('#presenter-search input').fill('zeppelin')
    await expect(presenter.getByRole('status').innerText()).resolves.toBe('No results for “zeppelin”.')
    await presenter.keyboard.press('Escape')
  })

  it('rehearsal: records a run, reports it per slide and exports JSON that rehearsal:apply accepts', async () => {
    await presenter.locator('.presenter-rehearse').click()
    await presenter.keyboard.press('ArrowRight')
    await presenter.keyboard.press('ArrowRight')
    await presenter.waitForURL(u => parseSlideUrl(u.href, '/').no === 3)
    await presenter.locator('.presenter-rehearse').click()
    await presenter.locator('.presenter-rehearsal-toggle').click()
    const rows = presenter.locator('#presenter-rehearsal tbody tr')
    await expect.poll(() => rows.count()).toBe(slides.length)
    const href = await presenter.getByRole('link', { name: 'JSON' }).getAttribute('href')
    const file = checkRehearsal(JSON.parse(decodeURIComponent(href!.replace(/^data:[^,]*,/, ''))), String(headmatter.title), slides.map(s => s.title ?? ''))
    expect(file.runs).toHaveLength(1)
    expect(file.runs[0]!.clicks[1]!.length, 'slide 2: its first and second click').toBe(2)
    // Keys pressed within 50 ms of each other round to 0.0 s: a time is a number, never negative, never a stale clock.
    expect(file.runs[0]!.clicks.flat().every(t => Number.isFinite(t) && t >= 0 && t < 600), 'times of a run that lasted seconds').toBe(true)
    const csv = await presenter.getByRole('link', { name: 'CSV' }).getAttribute('href')
    expect(decodeURIComponent(csv!)).toMatch(/run,started,slide,title,click,seconds\n1,[^,]+,2,/)
  })

  it('shows none of it in the audience view', async () => {
    await audience.keyboard.press('/')
    expect(await audience.locator('.presenter-rehearse, .presenter-search-toggle, #presenter-search, #presenter-rehearsal').count()).toBe(0)
  })
})

describeBrowser('the five-minute cut', () => {
  const browser = sharedBrowser()
  let served: Awaited<ReturnType<typeof startServer>>
  beforeAll(async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    const args = pkg.scripts['build:short']!.replace(/^slidev /, '').replace(/--out \S+/, `--out ${path.join(OUT, 'short')}`).split(' ')
    const build = run(process.execPath, [SLIDEV, ...args])
    expect(build.status, build.stderr.slice(-3000)).toBe(0)
    served = await startServer({ dir: path.join(OUT, 'short') })
  })
  afterAll(async () => served?.close())

  describe.each<Theme>(['light', 'dark'])('%s', (theme) => {
    it('every slide: nothing overflowing, text large enough, AA contrast, no empty band, no error', async () => {
      const watched = await watchedContext(browser(), served.origin, { theme, width: 1920, height: 1080 })
      const page = await watched.newPage()
      const failures: unknown[] = []
      for (const [i, slide] of cut.slides.entries()) {
        await page.goto(`${served.url}${i + 1}?clicks=999`)
        await waitForSlide(page, i + 1)
        const [report, design] = [await inspectSlide(page, i + 1), await measureDesign(page, i + 1)]
        const alerts = await page.locator(`${slideSelector(i + 1)} [role="alert"]`).allInnerTexts()
        const found = { overflow: report.overflow, clipped: report.clipped, tiny: design.tiny, small: design.smallBody, contrast: design.lowContrast, alerts }
        if (Object.values(found).some(list => list.length) || design.emptyBand > 0.2)
          failures.push({ slide: i + 1, title: slide.title, emptyBand: design.emptyBand, ...found })
      }
      const { consoleErrors, pageErrors, external } = watched.take()
      await closeQuietly(watched.context)
      expect({ failures, consoleErrors, pageErrors, external }).toEqual({ failures: [], consoleErrors: [], pageErrors: [], external: [] })
    })
  })

  it('a src range past the end of the deck stops the build and says why', () => {
    const entry = path.join(ROOT, '.kit-test-bad-src.md')
    writeFileSync(entry, readFileSync(path.join(ROOT, 'short.md'), 'utf8').replace('src: ./slides.md#18', 'src: ./slides.md#18,99'))
    try {
      const build = run(process.execPath, [SLIDEV, 'build', entry, '--out', path.join(OUT, 'bad-src')])
      expect(build.status).not.toBe(0)
      expect(build.stdout + build.stderr).toContain(`src: ./slides.md#18,99 asks for slide 99, but ./slides.md has ${slides.length} slides`)
    }
    finally {
      rmSync(entry, { force: true })
    }
  })
})

describeBrowser('summary and cut exports', () => {
  const dir = path.join(OUT, 'exports')
  const pdf = (name: string) => path.join(dir, `amazon-openai-briefing-${name}.pdf`)
  const text = (file: string) => run('pdftotext', [file, '-']).stdout

  it('npm run export:summary writes one tagged A4 page of at most 350 words with the takeaway, figures, watch, source and date', () => {
    const result = run('npm', ['run', '--silent', 'export:summary'], { DECK_EXPORT_DIR: dir })
    expect(result.status, result.stdout.slice(-2000) + result.stderr.slice(-2000)).toBe(0)
    expect(summaryProblems(pdf('summary'))).toEqual([])
    const page = text(pdf('summary'))
    for (const part of [/takeaway/i, /\$500B\+/, /north of \$500 billion/, /What to watch/, /Bloomberg/])
      expect(page).toMatch(part)
    expect(page.toLowerCase()).toContain(`figures as of ${String(headmatter.date).toLowerCase()}`)
    // A second page or an untagged file would fail the export's checks.
    run('qpdf', ['--empty', '--pages', pdf('summary'), pdf('summary'), '--', path.join(dir, 'two.pdf')])
    expect(summaryProblems(path.join(dir, 'two.pdf'))).toContainEqual(expect.stringMatching(/^2 pages, expected 1\b/))
  }, 600_000)

  it('npm run export:short writes one page per slide of the cut, without notes', () => {
    const result = run('npm', ['run', '--silent', 'export:short'], { DECK_EXPORT_DIR: dir })
    expect(result.status, result.stdout.slice(-2000) + result.stderr.slice(-2000)).toBe(0)
    expect(run('pdfinfo', [pdf('short')]).stdout).toMatch(new RegExp(`^Pages:\\s+${cut.slides.length}$`, 'm'))
    expect(text(pdf('short'))).not.toMatch(/Three facts frame everything else/)
  }, 600_000)
}, browserEnv().pdfSkip)
