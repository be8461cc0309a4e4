// Checks on slides.md itself: the article's order, notes a presenter can speak from,
// [click] markers in step with the builds, and no figure typed into slide text.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseSync } from '@slidev/parser/core'
import { describe, expect, it } from 'vitest'
import { TRIANGLE_CLICKS } from '../../snippets/partnershipTriangle'

const SLIDES_PATH = fileURLToPath(new URL('../../slides.md', import.meta.url))
const deck = parseSync(readFileSync(SLIDES_PATH, 'utf8'), SLIDES_PATH)
const slides = deck.slides
const headmatter = slides[0]!.frontmatter as Record<string, unknown>

/** Slide text without notes, code blocks and snippet imports. */
function visibleText(content: string): string {
  return content
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^<<<.*$/gm, '')
}

/** Clicks a slide builds: each v-click element, each item of a <v-clicks> list, or the frontmatter's count. */
function buildClicks(index: number): number {
  const slide = slides[index]!
  const declared = slide.frontmatter.clicks
  if (typeof declared === 'number')
    return declared
  const text = visibleText(slide.content)
  const single = text.match(/\sv-click(?=[\s>])/g)?.length ?? 0
  const lists = [...text.matchAll(/<v-clicks>([\s\S]*?)<\/v-clicks>/g)]
    .map(m => m[1]!.match(/^\s*[-*] /gm)?.length ?? 0)
    .reduce((a, b) => a + b, 0)
  return single + lists
}

function kicker(index: number): string {
  return slides[index]!.content.match(/<div class="kicker">([^<]+)<\/div>/)?.[1]?.trim() ?? ''
}

describe('slides.md', () => {
  it('has 14 to 20 slides', () => {
    expect(slides.length).toBeGreaterThanOrEqual(14)
    expect(slides.length).toBeLessThanOrEqual(20)
  })

  it('sets the headmatter a presenter and the exporter rely on', () => {
    expect(headmatter.title).toBeTruthy()
    expect(headmatter.info).toBeTruthy()
    expect(headmatter.exportFilename).toBe('amazon-openai-briefing')
    const minutes = Number.parseInt(String(headmatter.duration), 10)
    expect(minutes).toBeGreaterThanOrEqual(15)
    expect(minutes).toBeLessThanOrEqual(20)
  })

  it('keeps the deck offline: no web fonts, a local favicon', () => {
    expect((headmatter.fonts as Record<string, unknown>).provider).toBe('none')
    expect(String(headmatter.favicon)).toMatch(/^\/[\w-]+\.svg$/)
    expect(deck.raw).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/)
  })

  it('follows the article, section by section', () => {
    const sections = [
      'Briefing · AI infrastructure',
      'The deal in one slide',
      'The Deal That Changes Everything',
      'Why Amazon Actually Needs This',
      'The Chip Angle Is the Real Story',
      'What Microsoft Thinks About This',
      'The Valuation Question',
      'What Could Go Wrong',
      'My Take',
      'What to watch next',
      'Sources and method',
    ]
    const kickers = slides.map((_, i) => kicker(i)).filter(Boolean)
    const firstSeen = [...new Set(kickers)]
    expect(firstSeen).toEqual(sections)
  })

  it('gives every slide notes a presenter can speak from', () => {
    slides.forEach((slide, i) => {
      const words = (slide.note ?? '').split(/\s+/).filter(Boolean).length
      expect(words, `slide ${i + 1} "${slide.title}" notes`).toBeGreaterThanOrEqual(40)
    })
  })

  it('lines up [click] markers in the notes with the slide builds', () => {
    slides.forEach((slide, i) => {
      const markers = (slide.note ?? '').match(/\[click\]/g)?.length ?? 0
      expect(markers, `slide ${i + 1} "${slide.title}"`).toBe(buildClicks(i))
    })
  })

  it('builds the partnership triangle in the clicks its geometry defines', () => {
    const triangle = slides.findIndex(s => s.content.includes('<PartnershipTriangle'))
    expect(triangle).toBeGreaterThan(0)
    expect(slides[triangle]!.frontmatter.clicks).toBe(TRIANGLE_CLICKS)
  })

  it('reads every figure in slide text from the facts module', () => {
    // Model and product names that contain digits are not figures.
    const names = /\b(H100|H200|GPT-5|Office 365)\b/g
    slides.forEach((slide, i) => {
      const text = visibleText(slide.content).replace(/<Fig\b[^>]*\/>/g, '').replace(/<[^>]+>/g, '').replace(names, '')
      expect(text, `slide ${i + 1} "${slide.title}" types a number`).not.toMatch(/\d/)
    })
  })

  it('places each chart where the article makes its point', () => {
    const where = (tag: string) => kicker(slides.findIndex(s => s.content.includes(`<${tag}`)))
    expect(where('ValuationLeagueChart')).toBe('The Deal That Changes Everything')
    expect(where('ValuationJumpChart')).toBe('The Deal That Changes Everything')
    expect(where('PartnershipTriangle')).toBe('The Deal That Changes Everything')
    expect(where('InvestmentMapChart')).toBe('Why Amazon Actually Needs This')
    expect(where('PriceRevenueChart')).toBe('The Valuation Question')
  })
})
