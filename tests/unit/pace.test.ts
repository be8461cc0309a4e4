// The presenter's pace line (snippets/pace.ts) and the frontmatter it and the sources list read:
// figures that resolve to a source. (Budgets adding up to the duration: slides.test.ts.)
import { describe, expect, it } from 'vitest'
import { FACTS } from '../../snippets/facts'
import { figureSource } from '../../snippets/format'
import { formatClock, pace, readBudgets } from '../../snippets/pace'
import { resolveAll, slideSources } from '../../snippets/sources'
import { slideFigures, slides } from '../deck-source'

describe('formatClock', () => {
  it('writes minutes and seconds', () => {
    expect([0, 5, 59.9, 60, 90, 725].map(formatClock)).toEqual(['0:00', '0:05', '0:59', '1:00', '1:30', '12:05'])
    expect(formatClock(-25)).toBe('-0:25')
  })
})

describe('pace', () => {
  const budgets = [40, 60, 90, 30]

  it('reads in plain words, like the issue\'s example: time on the slide of its budget, the talk behind', () => {
    // Slide 3 entered 25 s late (plan: 100 s), 70 s spent on it.
    const result = pace({ budgets, slideNo: 3, talkSeconds: 125 + 70, slideSeconds: 70 })
    expect(result.line).toBe('On this slide 1:10 of 1:30 · talk 0:25 behind')
    expect(result).toMatchObject({ status: 'behind', talkDelta: 25, overrun: 0, budget: 90 })
  })

  it('says ahead when the talk reached the slide early', () => {
    const result = pace({ budgets, slideNo: 2, talkSeconds: 20 + 10, slideSeconds: 10 })
    expect(result.line).toBe('On this slide 0:10 of 1:00 · talk 0:20 ahead')
    expect(result.status).toBe('ahead')
  })

  it('counts time past a slide\'s budget against the talk, time within it not', () => {
    const within = pace({ budgets, slideNo: 1, talkSeconds: 39, slideSeconds: 39 })
    expect(within.status).toBe('on time')
    expect(within.line).toBe('On this slide 0:39 of 0:40 · talk on time')
    const over = pace({ budgets, slideNo: 1, talkSeconds: 70, slideSeconds: 70 })
    expect(over).toMatchObject({ overrun: 30, talkDelta: 30, status: 'behind' })
    expect(over.line).toBe('On this slide 1:10 of 0:40 · talk 0:30 behind')
  })

  it('treats a few seconds either way as on time', () => {
    expect(pace({ budgets, slideNo: 2, talkSeconds: 44, slideSeconds: 0 }).status).toBe('on time')
    expect(pace({ budgets, slideNo: 2, talkSeconds: 46, slideSeconds: 0 }).status).toBe('behind')
  })

  it('never counts more time on the slide than on the whole talk', () => {
    expect(pace({ budgets, slideNo: 1, talkSeconds: 3, slideSeconds: 10 }).slideSeconds).toBe(3)
  })

  it('names the slide whose budget is missing', () => {
    expect(() => pace({ budgets, slideNo: 5, talkSeconds: 0, slideSeconds: 0 })).toThrow(/slide 5 budget is missing/)
  })
})

describe('readBudgets', () => {
  it('names the slide and field of a bad budget', () => {
    expect(readBudgets([{ budget: 30 }, { budget: 45 }])).toEqual([30, 45])
    expect(() => readBudgets([{ budget: 30 }, { budget: '1min' }])).toThrow(/^slide 2 budget must be a number of seconds/)
    expect(() => readBudgets([{ budget: 30 }, {}])).toThrow(/slide 2 budget must be a number of seconds \(0 or more\), got undefined/)
    expect(() => readBudgets([{ budget: -5 }])).toThrow(/slide 1 budget/)
    expect(readBudgets([{ budget: 0 }])).toEqual([0])
  })
})

describe('slideSources', () => {
  it('gives each figure its value, hedge and the article\'s wording', () => {
    const rows = slideSources(['openAIValuation', 'valuationJump'])
    expect(rows).toEqual([
      { ok: true, source: figureSource('openAIValuation') },
      { ok: true, source: figureSource('valuationJump') },
    ])
    expect(rows[0]).toMatchObject({ source: { text: '$500B+', hedge: 'north of', wording: FACTS.openAIValuation.wording } })
    expect(rows[1]).toMatchObject({ source: { text: '3.3x+', hedge: 'our arithmetic' } })
    expect(slideSources(undefined)).toEqual([])
  })

  it('turns a bad entry into a row that names the field', () => {
    const broken = { ...FACTS, xAIValuation: { ...FACTS.xAIValuation, value: Number.NaN } }
    expect(slideSources(['amazonInOpenAI', 'nope', 'xAIValuation'], resolveAll(broken)).map(row => row.ok ? row.source.text : row.message)).toEqual([
      '$10B+',
      'figures[1]: figure "nope": is neither a fact nor a derived figure',
      expect.stringMatching(/^figures\[2\]: facts\.xAIValuation\.value: .*NaN/),
    ])
    expect(slideSources('openAIValuation')).toEqual([{ ok: false, field: 'figures', message: 'figures must be a list of figure keys, got "openAIValuation"' }])
    expect(slideSources([3])[0]).toMatchObject({ ok: false, field: 'figures[0]' })
  })
})

describe('slides.md frontmatter, as the presenter view reads it', () => {
  it('has figures whose sources all resolve: no slide opens a list with an error in it', () => {
    const errors = slides.flatMap((_, i) => slideSources(slideFigures(i)).flatMap(row => row.ok ? [] : [`slide ${i + 1}: ${row.message}`]))
    expect(errors).toEqual([])
    expect(slides.filter((_, i) => slideFigures(i).length > 0).length).toBeGreaterThan(slides.length / 2)
  })
})
