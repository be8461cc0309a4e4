// Speaker mode as this deck extends it: the pace line, notes that follow the click, the sources
// list, none of it where the audience looks, and a phone driving the deck through present:remote.
// Slidev's own presenter machinery (its timer, its sync between tabs) is Slidev's to test.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import process from 'node:process'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { figureSource } from '../../snippets/format'
import { contrast } from '../../snippets/palette'
import { formatClock } from '../../snippets/pace'
import { buildClicks, slideFigures, slides } from '../deck-source'
import { browserEnv, closeQuietly, deck, describeBrowser, launch, parseSlideUrl, slideSelector, type WatchedContext, watchedContext } from './helpers'

const ROOT = browserEnv().root
const frontmatters = slides.map(s => s.frontmatter as Record<string, unknown>)
const COACH = '.presenter-pace, .presenter-sources-toggle, #presenter-sources'
const PASSWORD = 'phone-test-password'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** `npm run present:remote`, bound to this machine only, in its own process group. */
function startRemote(port: number): { child: ChildProcess, ready: Promise<string> } {
  const child = spawn('npm', ['run', 'present:remote', '--', '--port', String(port), '--bind', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, SLIDEV_REMOTE_PASSWORD: PASSWORD },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => { output += d })
  child.stderr!.on('data', (d) => { output += d })
  const origin = `http://127.0.0.1:${port}`
  const ready = new Promise<string>((resolve, reject) => {
    child.once('exit', code => reject(new Error(`present:remote exited with ${code}:\n${output}`)))
    const poll = () => fetch(`${origin}/`).then(r => r.ok ? resolve(origin) : setTimeout(poll, 200), () => setTimeout(poll, 200))
    poll()
  })
  return { child, ready }
}

/** Where the page's note stands at click `clicks`: '' when the active part is in view. */
function notePosition(page: Page, clicks: number): Promise<string> {
  return page.evaluate((clicks) => {
    const note = document.querySelector<HTMLElement>('.slidev-presenter .slidev-note')
    if (!note)
      return 'no notes pane'
    const pane = note.getBoundingClientRect()
    const text = document.createTreeWalker(note, NodeFilter.SHOW_TEXT)
    for (let node = text.nextNode(); node; node = text.nextNode()) {
      const range = document.createRange()
      range.selectNodeContents(node)
      const cut = [...range.getClientRects()].find(line => line.top < pane.top - 1 && line.bottom > pane.top + 1)
      if (cut)
        return `the pane's top edge cuts a line in half (${Math.round(pane.top - cut.top)}px of it above)`
    }
    const mark = note.querySelector<HTMLElement>(`.slidev-note-click-mark[data-clicks="${clicks}"]`)
    if (!mark)
      return clicks === 0 && note.scrollTop > 1 ? `scrolled ${note.scrollTop}px before the first click` : ''
    if (!mark.classList.contains('slidev-note-click-mark-active'))
      return 'its [click] part is not marked active'
    const part = (mark.closest('p, li') ?? mark).getBoundingClientRect()
    const marker = mark.getBoundingClientRect()
    const fits = part.height <= pane.height
    if (marker.top < pane.top - 1 || marker.bottom > pane.bottom + 1 || (fits && part.bottom > pane.bottom + 1))
      return `active part at ${Math.round(part.top - pane.top)}..${Math.round(part.bottom - pane.top)}px of a ${Math.round(pane.height)}px pane`
    return ''
  }, clicks)
}

/** WCAG contrast of each faded (not current) part of the note against the pane behind it. */
async function fadedContrasts(page: Page): Promise<number[]> {
  const faded = '.slidev-presenter .slidev-note-fade'
  const pairs = await page.evaluate(selector => [...document.querySelectorAll(selector)].map((el) => {
    let behind: Element | null = el
    while (behind && /transparent|rgba\(.*, 0\)/.test(getComputedStyle(behind).backgroundColor))
      behind = behind.parentElement
    return [getComputedStyle(el).color, behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)']
  }), faded)
  const hex = (css: string) => {
    const [r = 0, g = 0, b = 0, alpha = 1] = (css.match(/[\d.]+/g) ?? []).map(Number)
    const channels = [r, g, b].map(c => Math.round(c).toString(16).padStart(2, '0')).join('')
    return alpha < 1 ? undefined : `#${channels}`
  }
  // A see-through colour counts as failing: what shows through is not measured here.
  return pairs.map(([fg = '', bg = '']) => [hex(fg), hex(bg)]).map(([fg, bg]) => fg && bg ? contrast(fg, bg) : 0)
}

/** Steps forward (through any clicks) until the page shows slide `no`. */
async function stepTo(page: Page, no: number, base: string, step: () => Promise<void>) {
  while (parseSlideUrl(page.url(), base).no < no) {
    const before = page.url()
    await step()
    await page.waitForURL(u => u.href !== before)
  }
}

describeBrowser('speaker mode', () => {
  let browser: Browser
  let watched: WatchedContext
  let page: Page
  let remote: ReturnType<typeof startRemote>
  let laptop: WatchedContext
  let phone: BrowserContext
  /** The laptop's audience view and the phone's presenter view, loaded while the other tests run. */
  let devices: Promise<{ origin: string, audience: Page, remoteControl: Page, stranger: Page }>

  beforeAll(async () => {
    remote = startRemote(await freePort())
    browser = await launch()
    devices = remote.ready.then(async (origin) => {
      laptop = await watchedContext(browser, origin, { width: 1280, height: 720 })
      phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
      const [audience, remoteControl, stranger] = await Promise.all([laptop.newPage(), phone.newPage(), phone.newPage()])
      // A phone without the password gets a prompt; the wrong answer sends it to the audience view.
      stranger.on('dialog', dialog => dialog.accept('not-the-password'))
      // All load at once: the dev server compiles the modules they share once.
      await Promise.all([
        audience.goto(`${origin}/1`, { timeout: 120_000 }).then(() => audience.locator(slideSelector(1)).waitFor({ timeout: 120_000 })),
        remoteControl.goto(`${origin}/presenter/1?password=${PASSWORD}`, { timeout: 120_000 }).then(() => remoteControl.locator('.slidev-presenter .presenter-pace').waitFor({ timeout: 120_000 })),
        stranger.goto(`${origin}/presenter/1`, { timeout: 120_000 }).then(() => stranger.locator(slideSelector(1)).waitFor({ timeout: 120_000 })),
      ])
      return { origin, audience, remoteControl, stranger }
    })
    devices.catch(() => {})
    watched = await watchedContext(browser, deck('presenter').origin, { width: 1920, height: 1080 })
    page = await watched.newPage()
    await page.emulateMedia({ reducedMotion: 'reduce' })
  })
  afterAll(async () => {
    await closeQuietly(browser)
    if (remote?.child.pid)
      process.kill(-remote.child.pid, 'SIGTERM')
  })

  it('shows the pace line: starts with the clock, counts, and restarts with each slide\'s budget', async () => {
    await page.goto(`${deck('presenter').url}presenter/1`)
    const pace = page.locator('.slidev-presenter .presenter-pace')
    await expect.poll(() => pace.innerText()).toBe(`▶ Start the clock · this slide ${formatClock(Number(frontmatters[0]!.budget))}`)
    await pace.getByRole('button').click()
    const line = new RegExp(`^0:0(\\d) / ${formatClock(Number(frontmatters[0]!.budget))} · on time$`)
    await expect.poll(() => pace.innerText()).toMatch(line)
    await expect.poll(async () => Number((await pace.innerText()).match(line)?.[1]), { timeout: 5000 }).toBeGreaterThanOrEqual(1)

    // On the next slide the slide time starts again against that slide's budget.
    await stepTo(page, 2, deck('presenter').base, () => page.getByRole('button', { name: 'Go to next slide' }).click())
    await expect.poll(() => pace.innerText()).toMatch(new RegExp(`^0:0\\d / ${formatClock(Number(frontmatters[1]!.budget))} · `))
  })

  it('keeps the active note in view at every click of every slide, in large type, with the slide\'s sources at hand', async () => {
    const { url, base } = deck('presenter')
    await page.goto(`${url}presenter/1`)
    await page.locator('.slidev-presenter .slidev-note').waitFor()
    const fontSize = await page.locator('.slidev-presenter .slidev-note').evaluate(el => Number.parseFloat(getComputedStyle(el).fontSize))
    expect(fontSize).toBeGreaterThanOrEqual(22)

    await page.getByRole('button', { name: /^Sources · / }).click()
    const problems: string[] = []
    let steps = 0
    let checkedSources = 0
    for (;;) {
      const { no, clicks } = parseSlideUrl(page.url(), base)
      await page.locator(`.slidev-presenter .grid-section.main .slidev-page[data-slidev-no="${no}"]`).waitFor()
      steps++
      const where = await expect.poll(() => notePosition(page, clicks), { timeout: 3000 }).toBe('').then(() => '', () => notePosition(page, clicks))
      if (where)
        problems.push(`slide ${no} click ${clicks}: ${where}`)
      const faint = (await fadedContrasts(page)).filter(ratio => ratio < 4.5)
      if (faint.length)
        problems.push(`slide ${no} click ${clicks}: faded note parts at ${faint[0]!.toFixed(2)}:1, under 4.5:1`)
      if (clicks === 0) {
        const expected = slideFigures(no - 1).map((key) => {
          const source = figureSource(key)
          return `${key}: ${source.text} ${source.label} hedge: ${source.hedge} “${source.wording}”`
        })
        const shown = () => page.locator('#presenter-sources li').evaluateAll(items => items.map((li) => {
          const text = (sel: string) => li.querySelector(sel)?.textContent?.trim() ?? ''
          return `${(li as HTMLElement).dataset.key}: ${text('.figure')} ${text('.label')} ${text('.hedge')} “${text('.wording')}”`
        }))
        await expect.poll(shown, { message: `sources of slide ${no}` }).toEqual(expected)
        await expect(page.locator('#presenter-sources h2').innerText()).resolves.toContain(`Slide ${no}`)
        checkedSources++
      }
      // Slidev's next button (a held arrow key auto-repeats when a busy machine delays its keyup).
      // At the end of the deck the button does nothing and the URL stays.
      const before = page.url()
      await page.getByRole('button', { name: 'Go to next slide' }).dispatchEvent('click')
      const moved = await page.waitForURL(u => u.href !== before, { timeout: no === frontmatters.length ? 1500 : 10_000 }).then(() => true, () => false)
      if (!moved)
        break
    }
    expect(checkedSources).toBe(frontmatters.length)
    expect(steps).toBeGreaterThan(frontmatters.length)
    expect(problems).toEqual([])
  })

  it('has the active note in view when the presenter opens mid-slide or steps back into a slide', async () => {
    const { url, base } = deck('presenter')
    // The slide with the most builds: its last note part sits furthest down the pane.
    const index = slides.map((_, i) => i).reduce((best, i) => buildClicks(i) > buildClicks(best) ? i : best)
    const no = index + 1
    const last = buildClicks(index)
    await page.goto(`${url}presenter/${no}?clicks=${last}`)
    await page.locator(`.slidev-presenter .grid-section.main .slidev-page[data-slidev-no="${no}"]`).waitFor()
    await expect.poll(() => notePosition(page, last), { message: `opened at slide ${no} click ${last}`, timeout: 5000 }).toBe('')

    await stepTo(page, no + 1, base, () => page.getByRole('button', { name: 'Go to next slide' }).click())
    const before = page.url()
    await page.getByRole('button', { name: 'Go to previous slide' }).click()
    await page.waitForURL(u => u.href !== before)
    const back = parseSlideUrl(page.url(), base)
    expect(back).toEqual({ no, clicks: last })
    await expect.poll(() => notePosition(page, last), { message: `stepped back to slide ${no} click ${last}`, timeout: 5000 }).toBe('')
  })

  it('shows none of it in the audience view, the public build or print mode', async () => {
    const found: string[] = []
    const publicContext = await watchedContext(browser, deck('public').origin)
    const audiencePages = [['audience view', page, `${deck('presenter').url}1`], ['public build', await publicContext.newPage(), `${deck('public').url}1`]] as const
    for (const [name, audience, url] of audiencePages) {
      await audience.goto(url)
      await audience.locator(slideSelector(1)).waitFor()
      // Slidev's control bar is there (hidden until hovered): where the presenter's additions live.
      await audience.getByRole('button', { name: 'Go to next slide' }).waitFor({ state: 'attached' })
      if (await audience.locator(COACH).count())
        found.push(name)
    }
    expect(publicContext.take().external).toEqual([])
    await closeQuietly(publicContext.context)
    // A slide as `slidev export` prints it (a build has no /print page unless `download` is on).
    await page.goto(`${deck('presenter').url}2?print=true`)
    await page.locator(slideSelector(2)).waitFor()
    if (await page.locator(COACH).count() || /Start the clock|Sources ·/.test(await page.locator('body').innerText()))
      found.push('print view')
    expect(found).toEqual([])
  })

  it('caused no console error or outside request in the presenter build', () => {
    const problems = watched.take()
    expect(problems.pageErrors).toEqual([])
    expect(problems.consoleErrors).toEqual([])
    expect(problems.external).toEqual([])
  })

  it('lets a phone drive the audience screen through `npm run present:remote`, behind its password', async () => {
    const missing = spawnSync('npm', ['run', 'present:remote'], { cwd: ROOT, env: { ...process.env, SLIDEV_REMOTE_PASSWORD: '' }, encoding: 'utf8' })
    expect(missing.status).not.toBe(0)
    expect(missing.stderr).toMatch(/SLIDEV_REMOTE_PASSWORD: set it to the password/)

    const { audience, remoteControl, stranger } = await devices
    expect(new URL(stranger.url()).pathname).toBe('/1')
    expect(await stranger.locator('.slidev-presenter').count()).toBe(0)

    // With it, the phone's next and previous buttons move the laptop's audience view.
    await stepTo(remoteControl, 2, '/', () => remoteControl.getByRole('button', { name: 'Go to next slide' }).tap())
    await audience.waitForURL(u => parseSlideUrl(u.href, '/').no === 2)
    await audience.locator(slideSelector(2)).waitFor({ state: 'visible' })
    await remoteControl.getByRole('button', { name: 'Go to previous slide' }).tap()
    await audience.waitForURL(u => parseSlideUrl(u.href, '/').no === 1)
    const problems = laptop.take()
    expect(problems.pageErrors).toEqual([])
    expect(problems.external).toEqual([])
  })
})
