import type { SlidevPreparserExtension } from '@slidev/types'
import type { FactTable } from '../../snippets/facts'
import { describe, expect, it } from 'vitest'
import preparser from '../../setup/preparser'
import { derive, ratio } from '../../snippets/derived'
import { attempt, checkRecords, EDITION, editionLine, FACT_KEYS, FactError, FACTS, figuresAge, figuresAsOf, formatDay, getFact } from '../../snippets/facts'
import { figureSource, figureText, formatAmount, formatFact, formatMultiple } from '../../snippets/format'
import { contrast, paletteFor } from '../../snippets/palette'
import { headmatter, readArticle } from '../deck-source'

function withValue(key: keyof FactTable, value: number): FactTable {
  return { ...FACTS, [key]: { ...FACTS[key], value } }
}

const ARTICLE = readArticle()

/** The article's sections by heading (a heading is a short line without a full stop); "Opening" first. */
function articleSections(): Record<string, string> {
  const out: Record<string, string> = { Opening: '' }
  let current = 'Opening'
  for (const line of ARTICLE.split('\n')) {
    if (line.trim() && line.length < 60 && !/[.!?]$/.test(line.trim()))
      out[current = line.trim()] = ''
    else
      out[current] += `${line}\n`
  }
  return out
}

describe('facts', () => {
  it('holds every figure of the article with its hedge and status', () => {
    const table = Object.fromEntries(FACT_KEYS.map(k => [k, [FACTS[k].value, FACTS[k].hedge, FACTS[k].status]]))
    expect(table).toEqual({
      amazonInOpenAI: [10, 'at least', 'in talks'],
      openAIValuation: [500, 'north of', 'in talks'],
      openAIValuationBefore: [150, 'none', 'reported'],
      xAIValuation: [230, 'reported', 'reported'],
      anthropicValuation: [183, 'none', 'reported'],
      microsoftInOpenAI: [13, 'around', 'reported'],
      amazonInAnthropic: [4, 'none', 'reported'],
      openAIRevenue: [5, 'estimated', 'estimated'],
    })
  })

  it('dates every figure and the edition: figures as of the oldest check, with the version', () => {
    expect(() => checkRecords()).not.toThrow()
    expect(figuresAsOf()).toBe(FACT_KEYS.map(k => FACTS[k].checked).sort()[0])
    expect(editionLine()).toBe(`Figures as of ${formatDay(figuresAsOf())} · v${EDITION.version}`)
    expect(formatDay('2026-11-27')).toBe('27 November 2026')
    const older = { ...FACTS, xAIValuation: { ...FACTS.xAIValuation, checked: '2026-10-02' } }
    expect(editionLine('long', older)).toMatch(/^Figures as of 2 October 2026 · v/)
    expect(editionLine('short', older)).toBe(`figures as of 2 Oct 2026 · v${EDITION.version}`)
  })

  it.each([
    ['status', 'rumoured', /facts\.xAIValuation\.status: unknown status "rumoured"/],
    ['checked', '27/11/2026', /facts\.xAIValuation\.checked: expected a date as YYYY-MM-DD, got "27\/11\/2026"/],
    ['checked', '2026-02-30', /facts\.xAIValuation\.checked/],
    ['checked', undefined, /facts\.xAIValuation\.checked/],
  ])('rejects a bad %s (%s), naming the fact', (field, value, message) => {
    const broken = { ...FACTS, xAIValuation: { ...FACTS.xAIValuation, [field]: value } } as unknown as FactTable
    expect(() => checkRecords(broken)).toThrow(message)
    expect(() => getFact('xAIValuation', broken)).toThrow(message)
    expect(() => editionLine('long', broken)).toThrow(message)
  })

  it('puts the edition in the headmatter fields Slidev exports as PDF and PowerPoint properties', async () => {
    const [extension] = await preparser({ filepath: 'slides.md', headmatter: {}, mode: 'build' }) as SlidevPreparserExtension[]
    const frontmatter = { ...headmatter }
    await extension!.transformSlide!('', frontmatter)
    await extension!.transformSlide!('', frontmatter) // a second parse adds nothing more
    expect(frontmatter.info).toBe(`${headmatter.info} ${editionLine()}.`)
    expect(frontmatter.keywords).toBe(`${headmatter.keywords}, ${editionLine()}`)
  })

  it('tells the presenter how old the figures are, warning past the headmatter limit', () => {
    const day = (n: number) => new Date(Date.parse(`${figuresAsOf()}T09:00:00Z`) + n * 86_400_000)
    expect(figuresAge(day(0), 14)).toEqual({ text: 'figures checked today', stale: false })
    expect(figuresAge(day(1), 14)).toEqual({ text: 'figures checked 1 day ago', stale: false })
    expect(figuresAge(day(12), 14)).toEqual({ text: 'figures checked 12 days ago', stale: false })
    expect(figuresAge(day(15), 14)).toEqual({ text: '⚠ figures checked 15 days ago: re-check them (limit 14 days)', stale: true })
    expect(() => figuresAge(day(1), 'two weeks')).toThrow(/headmatter figuresMaxAge: expected a whole number of days/)
    expect(headmatter.figuresMaxAge).toEqual(expect.any(Number))
  })

  it('quotes the article verbatim, hedge included, and names only sections that give the figure', () => {
    const sections = articleSections()
    for (const key of FACT_KEYS) {
      const { hedge, wording, section, value } = FACTS[key]
      expect(ARTICLE, key).toContain(wording)
      for (const heading of section.split('; ')) {
        expect(sections, key).toHaveProperty([heading])
        expect(sections[heading], `${key} in "${heading}"`).toMatch(new RegExp(`\\$${value}\\+? billion`))
      }
      if (hedge === 'estimated')
        expect(wording).toMatch(/estimate/)
      else if (hedge !== 'none')
        expect(wording).toContain(hedge)
    }
  })

  it('rejects an unknown key, naming it', () => {
    expect(() => getFact('metaValuation')).toThrow(FactError)
    expect(() => getFact('metaValuation')).toThrow(/facts\.metaValuation/)
  })

  it.each([
    [Number.NaN, /facts\.openAIRevenue\.value: expected a finite number, got NaN/],
    [-5, /facts\.openAIRevenue\.value: must be greater than zero/],
    [0, /facts\.openAIRevenue\.value: must be greater than zero/],
    [Number.POSITIVE_INFINITY, /facts\.openAIRevenue\.value: expected a finite number/],
  ])('rejects a revenue of %s, naming the field', (value, message) => {
    expect(() => getFact('openAIRevenue', withValue('openAIRevenue', value))).toThrow(message)
  })

  it('rejects a value that is not a number at all', () => {
    const broken = { ...FACTS, xAIValuation: { ...FACTS.xAIValuation, value: '230' } } as unknown as FactTable
    expect(() => getFact('xAIValuation', broken)).toThrow(/facts\.xAIValuation\.value: expected a finite number, got 230/)
  })

  it('turns a failed read into the field and message to show in its place', () => {
    expect(attempt(() => figureText('openAIRevenue', 'short', withValue('openAIRevenue', Number.NaN)), 'openAIRevenue'))
      .toEqual({ ok: false, field: 'facts.openAIRevenue.value', message: 'facts.openAIRevenue.value: expected a finite number, got NaN' })
    expect(attempt(() => {
      throw new Error('not a fact error')
    }, 'slide 4')).toEqual({ ok: false, field: 'slide 4', message: 'not a fact error' })
    expect(attempt(() => figureText('openAIRevenue'))).toEqual({ ok: true, value: '~$5B (est.)' })
  })
})

describe('derived figures', () => {
  it('computes them from the facts, not from typed-in results', () => {
    expect(derive('valuationJump')).toBeCloseTo(500 / 150, 10)
    expect(derive('revenueMultiple')).toBe(100)
    expect(derive('leadOverXAI')).toBeCloseTo(500 / 230, 10)
    expect(derive('leadOverAnthropic')).toBeCloseTo(500 / 183, 10)
    expect(derive('betOverAnthropic')).toBe(2.5)
  })

  it('follows a corrected figure', () => {
    expect(derive('revenueMultiple', withValue('openAIRevenue', 10))).toBe(50)
    expect(figureText('valuationJump', 'short', withValue('openAIValuationBefore', 250))).toBe('2.0x+')
  })

  it('refuses to divide by a zero revenue, naming the field', () => {
    expect(() => derive('revenueMultiple', withValue('openAIRevenue', 0))).toThrow(/facts\.openAIRevenue\.value/)
    expect(() => ratio('openAIValuation', 'openAIRevenue', withValue('openAIValuation', Number.NaN))).toThrow(/facts\.openAIValuation\.value/)
  })
})

describe('formatting', () => {
  it('writes each figure with its hedge', () => {
    expect(figureText('openAIValuation')).toBe('$500B+')
    expect(figureText('amazonInOpenAI')).toBe('$10B+')
    expect(figureText('microsoftInOpenAI')).toBe('~$13B')
    expect(figureText('xAIValuation')).toBe('$230B (reported)')
    expect(figureText('anthropicValuation')).toBe('$183B')
    expect(figureText('openAIRevenue')).toBe('~$5B (est.)')
    expect(figureText('amazonInOpenAI', 'long')).toBe('at least $10B')
    expect(figureText('openAIValuation', 'long')).toBe('north of $500B')
    expect(figureText('microsoftInOpenAI', 'long')).toBe('around $13B')
    expect(figureText('openAIRevenue', 'long')).toBe('around $5B, estimated')
  })

  it('writes derived multiples as approximations', () => {
    // A floor over a firm figure is a floor, cut rather than rounded up; over an estimate it is approximate.
    expect(figureText('valuationJump')).toBe('3.3x+')
    expect(figureText('revenueMultiple')).toBe('~100x')
    expect(figureText('leadOverXAI')).toBe('2.1x+')
    expect(figureText('leadOverAnthropic')).toBe('2.7x+')
    expect(figureText('betOverAnthropic')).toBe('2.5x+')
    expect(formatMultiple(12.4)).toBe('~12x')
    expect(formatMultiple(12.99, 'm', 'at least')).toBe('12x+')
  })

  it('formats amounts and refuses bad ones', () => {
    expect(formatAmount(4)).toBe('$4B')
    expect(formatAmount(4.25)).toBe('$4.3B')
    expect(() => formatAmount(Number.NaN, 'chart.value')).toThrow(/chart\.value/)
    expect(() => formatMultiple(-1)).toThrow(/multiple: must be greater than zero/)
  })

  it('rejects an unknown figure key and an unknown hedge', () => {
    expect(() => figureText('nvidiaValuation')).toThrow(/figure "nvidiaValuation"/)
    const odd = { ...FACTS.anthropicValuation, hedge: 'maybe' } as unknown as typeof FACTS.anthropicValuation
    expect(() => formatFact(odd, 'short', 'facts.anthropicValuation')).toThrow(/facts\.anthropicValuation\.hedge/)
  })

  it('gives each figure its source: the article\'s words, or the arithmetic', () => {
    expect(figureSource('xAIValuation')).toMatchObject({ text: '$230B (reported)', hedge: 'reported', wording: 'xAI ($230 billion reported)' })
    expect(figureSource('valuationJump')).toMatchObject({ text: '3.3x+', hedge: 'our arithmetic', wording: '500+ ÷ 150 = 3.3x+' })
    expect(figureSource('revenueMultiple').wording).toBe('500+ ÷ ~5 = ~100x')
    expect(figureSource('openAIValuation')).toMatchObject({ label: 'OpenAI valuation, if the deal closes', status: 'in talks' })
    expect(() => figureSource('revenueMultiple', withValue('openAIRevenue', Number.NaN))).toThrow(/facts\.openAIRevenue\.value/)
  })
})

describe('palette', () => {
  it('passes WCAG AA for every text colour on the slide and on tiles, light and dark', () => {
    for (const p of [paletteFor(false), paletteFor(true)]) {
      for (const bg of [p.background, p.surface]) {
        for (const [name, colour] of Object.entries({ text: p.text, muted: p.muted, accent: p.accent, risk: p.risk, ...p.company }))
          expect(contrast(colour, bg), `${p.mode} ${name} on ${bg}`).toBeGreaterThanOrEqual(4.5)
      }
    }
  })

  it('keeps company colours apart from the neutral accent and the risk colour', () => {
    for (const p of [paletteFor(false), paletteFor(true)]) {
      const own = Object.entries(p.company).filter(([name]) => name !== 'xai' && name !== 'anthropic').map(([, c]) => c)
      expect(new Set(own).size).toBe(own.length)
      expect(own).not.toContain(p.accent)
      expect(own).not.toContain(p.risk)
    }
  })
})
