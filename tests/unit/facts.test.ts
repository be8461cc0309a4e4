import { describe, expect, it } from 'vitest'
import { derive, ratio } from '../../snippets/derived'
import { FACT_KEYS, FACTS, type FactTable, FactError, getFact } from '../../snippets/facts'
import { figureText, formatAmount, formatFact, formatMultiple } from '../../snippets/format'

function withValue(key: keyof FactTable, value: number): FactTable {
  return { ...FACTS, [key]: { ...FACTS[key], value } }
}

describe('facts', () => {
  it('holds every figure of the article with its hedge', () => {
    const table = Object.fromEntries(FACT_KEYS.map(k => [k, [FACTS[k].value, FACTS[k].qualifier]]))
    expect(table).toEqual({
      amazonInOpenAI: [10, 'at least'],
      openAIValuation: [500, 'north of'],
      openAIValuationBefore: [150, 'none'],
      xAIValuation: [230, 'reported'],
      anthropicValuation: [183, 'none'],
      microsoftInOpenAI: [13, 'around'],
      amazonInAnthropic: [4, 'none'],
      openAIRevenue: [5, 'estimated'],
    })
  })

  it('keeps the article wording that carries each qualifier', () => {
    for (const key of FACT_KEYS) {
      const { qualifier, wording, source } = FACTS[key]
      expect(source).toMatch(/Article/)
      if (qualifier === 'estimated')
        expect(wording).toMatch(/estimate/)
      else if (qualifier !== 'none')
        expect(wording).toContain(qualifier)
    }
  })

  it('rejects an unknown key, naming it', () => {
    expect(() => getFact('metaValuation')).toThrow(FactError)
    expect(() => getFact('metaValuation')).toThrow(/facts\.metaValuation/)
  })

  it.each([
    [Number.NaN, /facts\.openAIRevenue\.value: expected a number, got NaN/],
    [-5, /facts\.openAIRevenue\.value: must not be negative/],
    [0, /facts\.openAIRevenue\.value: must be greater than zero/],
    [Number.POSITIVE_INFINITY, /facts\.openAIRevenue\.value: expected a finite number/],
  ])('rejects a revenue of %s, naming the field', (value, message) => {
    expect(() => getFact('openAIRevenue', withValue('openAIRevenue', value))).toThrow(message)
  })

  it('rejects a value that is not a number at all', () => {
    const broken = { ...FACTS, xAIValuation: { ...FACTS.xAIValuation, value: '230' } } as unknown as FactTable
    expect(() => getFact('xAIValuation', broken)).toThrow(/facts\.xAIValuation\.value: expected a number, got string "230"/)
  })
})

describe('derived figures', () => {
  it('computes them from the facts, not from typed-in results', () => {
    expect(derive('valuationJump')).toBeCloseTo(500 / 150, 10)
    expect(derive('revenueMultiple')).toBe(100)
    expect(derive('leadOverXAI')).toBeCloseTo(500 / 230, 10)
    expect(derive('leadOverAnthropic')).toBeCloseTo(500 / 183, 10)
  })

  it('follows a corrected figure', () => {
    expect(derive('revenueMultiple', withValue('openAIRevenue', 10))).toBe(50)
    expect(figureText('valuationJump', 'short', withValue('openAIValuationBefore', 250))).toBe('~2.0x')
  })

  it('refuses to divide by a zero revenue, naming the field', () => {
    expect(() => derive('revenueMultiple', withValue('openAIRevenue', 0))).toThrow(/facts\.openAIRevenue\.value/)
    expect(() => ratio('openAIValuation', 'openAIRevenue', withValue('openAIValuation', Number.NaN))).toThrow(/facts\.openAIValuation\.value/)
  })
})

describe('formatting', () => {
  it('writes each figure with its qualifier', () => {
    expect(figureText('openAIValuation')).toBe('$500B+')
    expect(figureText('amazonInOpenAI')).toBe('$10B+')
    expect(figureText('microsoftInOpenAI')).toBe('~$13B')
    expect(figureText('xAIValuation')).toBe('$230B (reported)')
    expect(figureText('anthropicValuation')).toBe('$183B')
    expect(figureText('openAIRevenue')).toBe('~$5B (est.)')
    expect(figureText('amazonInOpenAI', 'long')).toBe('at least $10B')
    expect(figureText('openAIValuation', 'long')).toBe('north of $500B')
    expect(figureText('microsoftInOpenAI', 'long')).toBe('around $13B')
    expect(figureText('openAIRevenue', 'long')).toBe('around $5B (estimated)')
  })

  it('writes derived multiples as approximations', () => {
    expect(figureText('valuationJump')).toBe('~3.3x')
    expect(figureText('revenueMultiple')).toBe('~100x')
    expect(figureText('leadOverXAI')).toBe('~2.2x')
    expect(figureText('leadOverAnthropic')).toBe('~2.7x')
    expect(formatMultiple(12.4)).toBe('~12x')
  })

  it('formats amounts and refuses bad ones', () => {
    expect(formatAmount(4)).toBe('$4B')
    expect(formatAmount(4.25)).toBe('$4.3B')
    expect(() => formatAmount(Number.NaN, 'chart.value')).toThrow(/chart\.value/)
    expect(() => formatMultiple(-1)).toThrow(/multiple: must not be negative/)
  })

  it('rejects an unknown figure key and an unknown qualifier', () => {
    expect(() => figureText('nvidiaValuation')).toThrow(/figure "nvidiaValuation"/)
    const odd = { ...FACTS.anthropicValuation, qualifier: 'maybe' } as unknown as typeof FACTS.anthropicValuation
    expect(() => formatFact(odd, 'short', 'facts.anthropicValuation')).toThrow(/facts\.anthropicValuation\.qualifier/)
  })
})
