// The partnership triangle as the audience sees it: one more edge per click, every edge labelled,
// no label overlapping another label or a company's pill.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { slides } from '../deck-source'
import { closeQuietly, connectBrowser, deck, describeBrowser, waitForSlide } from './helpers'

const no = slides.findIndex(s => s.content.includes('<PartnershipTriangle')) + 1
const clicks = Number(slides[no - 1]?.frontmatter.clicks)

describeBrowser('the partnership triangle', () => {
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    browser = await connectBrowser()
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce' })
  })
  afterAll(async () => closeQuietly(browser))

  /** Edges shown, edges without text, and pairs of boxes (labels, pills) that overlap. */
  const look = () => page.evaluate((no) => {
    const svg = document.querySelector(`#slideshow .slidev-page[data-slidev-no="${no}"] svg[role="img"]`)!
    const shown = (el: Element) => !el.classList.contains('slidev-vclick-hidden') && Number(getComputedStyle(el).opacity) > 0.99
    const edges = [...svg.querySelectorAll('[data-edge]')].filter(shown)
    const boxes = [
      ...edges.flatMap(e => [...e.querySelectorAll('text')].map(t => ({ name: `${e.getAttribute('data-edge')} "${t.textContent!.trim()}"`, r: t.getBoundingClientRect() }))),
      ...[...svg.querySelectorAll('[data-node] rect')].map(r => ({ name: `${r.parentElement!.getAttribute('data-node')} pill`, r: r.getBoundingClientRect() })),
    ]
    const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1)
      .filter(b => a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom)
      .map(b => `${a.name} / ${b.name}`))
    return {
      edges: edges.map(e => e.getAttribute('data-edge')),
      unlabelled: edges.filter(e => !e.querySelector('text')?.textContent?.trim()).map(e => e.getAttribute('data-edge')),
      overlaps,
    }
  }, no)

  it('builds one edge per click, each labelled, nothing overlapping', async () => {
    expect(clicks).toBe(3)
    await page.goto(`${deck('public').url}${no}?clicks=0`)
    for (let click = 0; click <= clicks; click++) {
      if (click)
        await page.keyboard.press('ArrowRight')
      await waitForSlide(page, no)
      await expect.poll(async () => (await look()).edges.length, { message: `click ${click}` }).toBe(click)
      expect(await look()).toMatchObject({ unlabelled: [], overlaps: [] })
    }
  })
})
