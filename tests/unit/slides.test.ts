// Checks on slides.md itself: the article's order, our own words, hedges, figures from the facts
// module, notes that fit the duration, [click] markers in step with the builds.

import type { ChartId } from '../../snippets/charts'
import { detectFeatures } from '@slidev/parser/core'
import { describe, expect, it } from 'vitest'
import { CHARTS } from '../../snippets/charts'
import { FACTS, isFactKey } from '../../snippets/facts'
import { isDerivedKey } from '../../snippets/format'
import { buildClicks, cut, deckSource, headmatter, noteWords, readArticle, slideFigures, slides, summarySource, visibleText } from '../deck-source'

const ARTICLE = readArticle()
const WORDS_PER_MINUTE = 140

function kicker(index: number): string {
  return slides[index]!.content.match(/<div class="kicker">([^<]+)<\/div>/)?.[1]?.trim() ?? ''
}

/** The kicker without the "In the article: " that marks an article heading as the article's. */
const section = (index: number) => kicker(index).replace(/^In the article: /, '')

function words(text: string): string[] {
  return text.toLowerCase().replace(/[’‘]/g, '\'').match(/[a-z0-9$]+(?:'[a-z]+)?/g) ?? []
}

/** Every run of `n` words that slides.md shares with the article (kickers quote its headings, so they are left out). */
function sharedRuns(n: number, from = [...slides, ...summarySource.slides]): string[] {
  const article = words(ARTICLE)
  const runs = new Set(article.slice(0, article.length - n + 1).map((_, i) => article.slice(i, i + n).join(' ')))
  const ours = from.map(s => `${s.content.replace(/<div class="kicker">[^<]*<\/div>/g, ' ')}\n${s.note ?? ''}`)
  return ours.flatMap((text) => {
    const w = words(text.replace(/<[^>]+>/g, ' '))
    return w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(' ')).filter(run => runs.has(run))
  })
}

const minutes = Number.parseInt(String(headmatter.duration), 10)
const budgets = slides.map(s => Number(s.frontmatter.budget))
// The full deck and its five-minute cut (short.md imports slides.md's slides with budgets of its own).
const decks = [
  { name: 'slides.md', slides, minutes, budgets },
  { name: 'short.md', slides: cut.slides, minutes: Number.parseInt(String(cut.headmatter.duration), 10), budgets: cut.slides.map(s => Number(s.frontmatter.budget)) },
]

describe('slides.md', () => {
  it('leaves KaTeX out: no line holds two dollar signs', () => {
    // Slidev turns math on when any line of the source (notes included) matches /\$.*?\$/: 31 kB of
    // KaTeX CSS before slide 1, and a dollar-to-dollar stretch of a note at risk of being typeset.
    expect(detectFeatures(deckSource.raw).katex, deckSource.raw.split('\n').filter(l => /\$.*?\$/.test(l)).join('\n')).toBe(false)
  })

  it('follows the article, section by section', () => {
    const firstSeen = [...new Set(slides.map((_, i) => section(i).split(' · ')[0]).filter(Boolean))]
    expect(firstSeen).toEqual([
      'Briefing',
      'The deal in one slide',
      'The Deal That Changes Everything',
      'Why Amazon Actually Needs This',
      'The Chip Angle Is the Real Story',
      'What Microsoft Thinks About This',
      'The Valuation Question',
      'What Could Go Wrong',
      'My Take',
      'Sources and method',
      'Appendix',
      'Backup',
    ])
  })

  it('marks the article\'s own headings as the article\'s, never as our labels', () => {
    const headings = ARTICLE.split('\n').map(l => l.trim()).filter(l => l && l.length < 60 && !/[.!?]$/.test(l))
    expect(headings.length).toBeGreaterThanOrEqual(7)
    slides.forEach((_, i) => {
      const named = headings.find(h => kicker(i).includes(h))
      if (named)
        expect(kicker(i), `slide ${i + 1}`).toMatch(/^In the article: /)
    })
  })

  it('labels a title that is our arithmetic, and lists its ratio (computed in derived.ts) in the slide\'s figures', () => {
    // A question (a backup slide's title) asserts nothing.
    const arithmetic = slides.flatMap((s, i) => /\b(?:twice|triple|double|times|dwarf)/i.test(s.title ?? '') && !s.title!.endsWith('?') ? [i] : [])
    expect(arithmetic.length).toBeGreaterThanOrEqual(4)
    for (const i of arithmetic) {
      expect(slides[i]!.title, `slide ${i + 1}`).toMatch(/^By our arithmetic, /)
      expect(slideFigures(i).filter(isDerivedKey), `slide ${i + 1} figures`).not.toEqual([])
    }
  })

  it('says the closing section is the writer\'s opinion, on every slide of it', () => {
    slides.forEach((slide, i) => {
      if (section(i).startsWith('My Take'))
        expect(`${kicker(i)} ${slide.title}`, `slide ${i + 1}`).toMatch(/writer/)
    })
  })

  it('is in our own words: no run of six words from the article (the summary page too)', () => {
    expect(sharedRuns(6)).toEqual([])
  })

  it('keeps the hedge wherever a figure depends on the deal in talks', () => {
    slides.forEach((slide, i) => {
      const inTalks = slideFigures(i).some(k => isFactKey(k) && FACTS[k].status === 'in talks')
      // The sources slide quotes each figure's own wording instead (see facts.test.ts).
      if (inTalks && !slide.content.includes('<FactSheet'))
        expect(visibleText(slide.content), `slide ${i + 1} "${slide.title}"`).toMatch(/form="status"|in talks|if the deal closes|would/i)
    })
    // Wordings a careful reader flagged: each overstates what the article says.
    expect(deckSource.raw).not.toMatch(/proven real|Amazon is paying|Google did this|our take|my argument|Azure credits, so/i)
  })

  it('reads every figure in slide text from the facts module, and lists it in the slide\'s figures', () => {
    const names = /\b(H100|H200|GPT-5|Office 365)\b/g
    slides.forEach((slide, i) => {
      const text = visibleText(slide.content)
      const typed = text.replace(/<Fig\b[^>]*\/>/g, '').replace(/<[^>]+>/g, '').replace(/\{\{[^}]*\}\}/g, '').replace(names, '')
      expect(typed, `slide ${i + 1} "${slide.title}" types a number`).not.toMatch(/\d/)
      const charted = [...text.matchAll(/<BarChart chart="(\w+)"/g)].flatMap((m) => {
        const spec = CHARTS[m[1] as ChartId]
        return [...spec.bars.map(b => b.key), ...(spec.multiple ? [spec.multiple] : [])]
      })
      const used = [...[...text.matchAll(/<Fig k="(\w+)"/g)].map(m => m[1]!), ...charted]
      expect(slideFigures(i), `slide ${i + 1} figures frontmatter`).toEqual(expect.arrayContaining(used))
      for (const key of slideFigures(i))
        expect(isFactKey(key) || isDerivedKey(key), `slide ${i + 1}: unknown figure ${key}`).toBe(true)
    })
  })

  it.each(decks)('$name: budgets every slide, and the budgets add up to the duration', ({ budgets, minutes }) => {
    budgets.forEach((b, i) => expect(Number.isInteger(b) && b >= 0, `slide ${i + 1} budget`).toBe(true))
    expect(budgets.reduce((a, b) => a + b, 0)).toBe(minutes * 60)
  })

  it.each(decks)('$name: has notes that fill the duration within 10% at 140 words a minute', ({ slides, budgets, minutes }) => {
    const spoken = slides.filter((_, i) => budgets[i]! > 0).reduce((sum, s) => sum + noteWords(s.note), 0)
    expect(spoken / WORDS_PER_MINUTE).toBeGreaterThanOrEqual(minutes * 0.9)
    expect(spoken / WORDS_PER_MINUTE).toBeLessThanOrEqual(minutes * 1.1)
    slides.forEach((s, i) => expect(noteWords(s.note), `slide ${i + 1} notes`).toBeGreaterThanOrEqual(30))
  })

  it('has each slide\'s notes fill its own budget within 10% at 140 words a minute', () => {
    slides.forEach((s, i) => {
      if (budgets[i]! > 0)
        expect(noteWords(s.note) / (budgets[i]! / 60 * WORDS_PER_MINUTE), `slide ${i + 1} notes against ${budgets[i]} s`).toSatisfy(r => r >= 0.9 && r <= 1.1)
    })
  })

  it('lines up [click] markers with the builds, each click\'s note short enough to find at a glance', () => {
    slides.forEach((slide, i) => {
      const parts = (slide.note ?? '').split('[click]')
      expect(parts.length - 1, `slide ${i + 1} "${slide.title}"`).toBe(buildClicks(i))
      parts.slice(1).forEach(part => expect(noteWords(part), `slide ${i + 1} click note`).toBeLessThanOrEqual(90))
    })
  })

  it('builds about 25 clicks in all, and no content slide opens on its title alone', () => {
    const total = slides.reduce((sum, _, i) => sum + buildClicks(i), 0)
    expect(total).toBeGreaterThanOrEqual(15)
    expect(total).toBeLessThanOrEqual(30)
    slides.forEach((slide, i) => {
      const firstBlock = visibleText(slide.content).split(/^# .*$/m)[1] ?? ''
      expect(firstBlock.match(/<(div|p|ul)\b[^>]*>/)?.[0] ?? '', `slide ${i + 1} opens empty`).not.toMatch(/v-click/)
    })
  })
})
