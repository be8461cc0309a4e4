import type { Chart, ChartConfiguration, Plugin, TooltipItem } from 'chart.js'
import { describe, expect, it } from 'vitest'
import {
  type BarConfig,
  type BarData,
  checkBarData,
  ChartDataError,
  formatTick,
  labelAfter,
  type MarksOptions,
  readFigure,
  splitNote,
  withAlpha,
  wrapWords,
} from '../../snippets/charts/common'
import { investmentMap, investmentMapConfig, investmentMapMarks, investmentMapText } from '../../snippets/charts/investmentMap'
import { priceRevenue, priceRevenueConfig, priceRevenueMarks, priceRevenueText } from '../../snippets/charts/priceRevenue'
import { valuationJump, valuationJumpConfig, valuationJumpMarks, valuationJumpText } from '../../snippets/charts/valuationJump'
import { valuationLeague, valuationLeagueConfig, valuationLeagueMarks, valuationLeagueText } from '../../snippets/charts/valuationLeague'
import { type Fact, FACTS, type FactKey, type FactTable } from '../../snippets/facts'
import { DARK, LIGHT } from '../../snippets/palette'

const STILL = { animate: false } as const
const MOVING = { animate: true } as const

function withValue(key: FactKey, value: number): FactTable {
  return { ...FACTS, [key]: { ...FACTS[key], value } }
}
function withFact(key: FactKey, fact: Partial<Fact> | undefined): FactTable {
  return { ...FACTS, [key]: fact === undefined ? undefined : { ...FACTS[key], ...fact } } as unknown as FactTable
}

const dataset = (config: BarConfig) => {
  const d = config.data.datasets[0]
  if (!d)
    throw new Error('no dataset')
  return d
}
const values = (config: BarConfig) => dataset(config).data
const colors = (config: BarConfig) => dataset(config).backgroundColor
const marks = (config: BarConfig): MarksOptions => {
  const m = config.options?.plugins?.deckMarks
  if (!m)
    throw new Error('no marks')
  return m as MarksOptions
}
const markTexts = (config: BarConfig) => marks(config).bars.map(b => b.text)

/** Calls the tooltip callbacks the way Chart.js does, for bar `index`. */
function tooltipFor(config: BarConfig, index: number): { title: string, label: string } {
  const callbacks = config.options?.plugins?.tooltip?.callbacks
  const item = { dataIndex: index, datasetIndex: 0 } as TooltipItem<'bar'>
  const call = (fn: unknown, arg: unknown): string => {
    if (typeof fn !== 'function')
      throw new Error('no callback')
    return String((fn as (this: unknown, a: unknown) => unknown).call({}, arg))
  }
  return { title: call(callbacks?.title, [item]), label: call(callbacks?.label, item) }
}

/** The value-axis tick callback, called as Chart.js would. */
function tick(config: BarConfig, value: number): string {
  const axis = config.options?.indexAxis === 'y' ? 'x' : 'y'
  const cb = config.options?.scales?.[axis]?.ticks?.callback
  if (typeof cb !== 'function')
    throw new Error('no tick callback')
  return String((cb as (this: unknown, v: number, i: number, t: unknown[]) => unknown).call({}, value, 0, []))
}

describe('common helpers', () => {
  it('formats value ticks in billions', () => {
    expect(formatTick(0)).toBe('$0')
    expect(formatTick(100)).toBe('$100B')
    expect(formatTick('200')).toBe('$200B')
    expect(formatTick(2.5)).toBe('$2.5B')
  })

  it('fades hex colours and passes others through', () => {
    expect(withAlpha('#0d7a5f', 0.5)).toBe('rgba(13, 122, 95, 0.5)')
    expect(withAlpha('#fff', 1)).toBe('rgba(255, 255, 255, 1)')
    expect(withAlpha('rgba(1, 2, 3, 0.4)', 0.5)).toBe('rgba(1, 2, 3, 0.4)')
  })

  it('splits and wraps labels', () => {
    expect(splitNote('Amazon into OpenAI (in talks)')).toEqual({ main: 'Amazon into OpenAI', note: 'in talks' })
    expect(splitNote('Amazon into Anthropic')).toEqual({ main: 'Amazon into Anthropic', note: '' })
    expect(labelAfter('OpenAI valuation months ago', 'OpenAI valuation')).toBe('months ago')
    expect(labelAfter('xAI valuation', 'OpenAI valuation')).toBe('xAI valuation')
    expect(wrapWords('if the deal closes', 12)).toEqual(['if the deal', 'closes'])
  })

  it('names the chart and the field when labels and values differ in length', () => {
    const data: BarData = { labels: ['a', 'b', 'c'], datasets: [{ label: 'x', data: [1, 2] }] }
    expect(() => checkBarData('valuationLeague', data)).toThrow(ChartDataError)
    expect(() => checkBarData('valuationLeague', data)).toThrow(/^valuationLeague\.data\.labels: 3 labels for 2 values/)
  })

  it.each([
    [Number.NaN, /priceRevenue\.data\.datasets\[0\]\.data\[1\]: expected a number, got NaN/],
    [-1, /priceRevenue\.data\.datasets\[0\]\.data\[1\]: must not be negative/],
    [Number.POSITIVE_INFINITY, /priceRevenue\.data\.datasets\[0\]\.data\[1\]: expected a finite number/],
  ])('rejects a data value of %s, naming its place', (bad, message) => {
    const data: BarData = { labels: ['a', 'b'], datasets: [{ label: 'x', data: [1, bad] }] }
    expect(() => checkBarData('priceRevenue', data)).toThrow(message)
  })

  it('rejects empty labels', () => {
    expect(() => checkBarData('investmentMap', { labels: ['a', ' '], datasets: [{ label: 'x', data: [1, 2] }] }))
      .toThrow(/investmentMap\.data\.labels\[1\]: expected a non-empty text label/)
    expect(() => checkBarData('investmentMap', { labels: [], datasets: [{ label: 'x', data: [] }] }))
      .toThrow(/investmentMap\.data\.labels: expected at least one label/)
  })

  it('reads a figure with its text forms, or names what is wrong', () => {
    const f = readFigure(FACTS, 'amazonInOpenAI')
    expect([f.short, f.long, f.floor]).toEqual(['$10B+', 'at least $10B', true])
    expect(readFigure(FACTS, 'xAIValuation').floor).toBe(false)
    expect(() => readFigure(withFact('xAIValuation', { label: '' }), 'xAIValuation')).toThrow(/facts\.xAIValuation\.label: expected a non-empty text label/)
    expect(() => readFigure(withFact('xAIValuation', undefined), 'xAIValuation')).toThrow(/facts\.xAIValuation: missing from the fact table/)
    expect(() => readFigure(null, 'xAIValuation')).toThrow(/^facts: expected a fact table/)
  })
})

describe('valuation league', () => {
  const config = valuationLeagueConfig(FACTS, LIGHT, STILL)

  it('is a horizontal bar chart, largest first, with the qualifiers in the labels', () => {
    expect(config.type).toBe('bar')
    expect(config.options?.indexAxis).toBe('y')
    expect(config.data.labels).toEqual([['OpenAI', 'if the deal', 'closes'], ['xAI'], ['Anthropic']])
    expect(values(config)).toEqual([500, 230, 183])
    expect(markTexts(config)).toEqual(['$500B+ (floor)', '$230B (reported)', '$183B'])
  })

  it('marks OpenAI as a floor and only OpenAI', () => {
    expect(marks(config).bars.map(b => b.floor)).toEqual([true, false, false])
    expect(marks(config).bars.map(b => b.tentative)).toEqual([false, false, false])
    expect(config.plugins).toContain(valuationLeagueMarks)
  })

  it('takes the company colours from the palette, light and dark', () => {
    expect(colors(config)).toEqual([LIGHT.company.openai, LIGHT.company.xai, LIGHT.company.anthropic])
    const dark = valuationLeagueConfig(FACTS, DARK, STILL)
    expect(colors(dark)).toEqual([DARK.company.openai, DARK.company.xai, DARK.company.anthropic])
    expect(marks(dark).textColor).toBe(DARK.text)
    expect(marks(config).textColor).toBe(LIGHT.text)
    expect(dark.options?.scales?.x?.grid?.color).toBe(DARK.grid)
  })

  it('writes the qualifier into the tooltip', () => {
    expect(tooltipFor(config, 0)).toEqual({ title: 'OpenAI', label: 'OpenAI valuation if the deal closes: north of $500B (a floor)' })
    expect(tooltipFor(config, 1).label).toBe('xAI valuation: $230B (reported)')
  })

  it('formats value ticks and animates only when asked', () => {
    expect(tick(config, 100)).toBe('$100B')
    expect(tick(config, 0)).toBe('$0')
    expect(config.options?.animation).toBe(false)
    expect(valuationLeagueConfig(FACTS, LIGHT, MOVING).options?.animation).toMatchObject({ duration: expect.any(Number) })
  })

  it('re-sorts and relabels when a figure is corrected', () => {
    const corrected = valuationLeagueConfig(withValue('xAIValuation', 600), LIGHT, STILL)
    expect(corrected.data.labels?.[0]).toEqual(['xAI'])
    expect(values(corrected)).toEqual([600, 500, 183])
    expect(markTexts(corrected)[0]).toBe('$600B (reported)')
  })

  it('summarizes every figure with its hedge and the leads from derived.ts', () => {
    const text = valuationLeagueText()
    expect(text.summary).toContain('OpenAI valuation if the deal closes: north of $500B')
    expect(text.summary).toContain('xAI valuation: $230B (reported)')
    expect(text.summary).toContain('Anthropic valuation: $183B')
    expect(text.caption.map(r => r.value)).toEqual(['north of $500B', '$230B (reported)', '$183B', '~2.2x xAI, ~2.7x Anthropic'])
    expect(text.caption[0]?.label).toBe('OpenAI if the deal closes')
  })

  it.each([
    ['NaN', withValue('xAIValuation', Number.NaN), /^facts\.xAIValuation\.value: expected a number, got NaN/],
    ['negative', withValue('anthropicValuation', -183), /^facts\.anthropicValuation\.value: must not be negative/],
    ['zero', withValue('openAIValuation', 0), /^facts\.openAIValuation\.value: must be greater than zero/],
    ['missing', withFact('anthropicValuation', undefined), /^facts\.anthropicValuation: missing from the fact table/],
  ])('refuses a %s figure, naming the field', (_, table, message) => {
    expect(() => valuationLeagueConfig(table, LIGHT, STILL)).toThrow(ChartDataError)
    expect(() => valuationLeagueConfig(table, LIGHT, STILL)).toThrow(message)
    expect(() => valuationLeagueText(table)).toThrow(message)
  })
})

describe('valuation jump', () => {
  const config = valuationJumpConfig(FACTS, LIGHT, STILL)

  it('shows months ago, then if the deal closes, as vertical bars', () => {
    expect(config.options?.indexAxis).toBe('x')
    expect(config.data.labels).toEqual([['Months ago'], ['If the deal closes']])
    expect(values(config)).toEqual([150, 500])
    expect(markTexts(config)).toEqual(['$150B', '$500B+ (floor)'])
    expect(marks(config).bars.map(b => b.floor)).toEqual([false, true])
  })

  it('labels the jump with the multiple computed from the facts', () => {
    expect(marks(config).callout).toMatchObject({ text: '~3.3x', from: { index: 0 }, to: { index: 1 } })
    expect(marks(valuationJumpConfig(withValue('openAIValuationBefore', 250), LIGHT, STILL)).callout?.text).toBe('~2.0x')
  })

  it('fades the earlier bar in the OpenAI colour of each mode', () => {
    expect(colors(config)).toEqual([withAlpha(LIGHT.company.openai, 0.5), LIGHT.company.openai])
    expect(colors(valuationJumpConfig(FACTS, DARK, STILL))).toEqual([withAlpha(DARK.company.openai, 0.5), DARK.company.openai])
  })

  it('has tooltips, ticks and caption with qualifiers', () => {
    expect(tooltipFor(config, 0)).toEqual({ title: 'Months ago', label: 'OpenAI valuation months ago: $150B' })
    expect(tooltipFor(config, 1).label).toContain('north of $500B')
    expect(tick(config, 400)).toBe('$400B')
    const text = valuationJumpText()
    expect(text.caption).toContainEqual({ label: 'Jump', value: '~3.3x ($500B ÷ $150B)' })
    expect(text.summary).toContain('OpenAI valuation months ago: $150B')
  })

  it('refuses a zero earlier valuation, naming the field', () => {
    expect(() => valuationJumpConfig(withValue('openAIValuationBefore', 0), LIGHT, STILL))
      .toThrow(/^facts\.openAIValuationBefore\.value: must be greater than zero/)
  })
})

describe('price against revenue', () => {
  const config = priceRevenueConfig(FACTS, LIGHT, STILL)

  it('puts the valuation and the estimated revenue on one axis', () => {
    expect(config.options?.indexAxis).toBe('y')
    expect(config.data.labels).toEqual([['Valuation if', 'the deal closes'], ['Annualized', 'revenue']])
    expect(values(config)).toEqual([500, 5])
    expect(markTexts(config)).toEqual(['$500B+ (floor)', '~$5B (est.)'])
    // a tiny revenue still shows as a sliver
    expect(dataset(config).minBarLength).toBeGreaterThan(0)
  })

  it('writes ~100x large, with the formula', () => {
    expect(marks(config).callout).toMatchObject({ text: '~100x', note: '$500B ÷ $5B', color: LIGHT.company.openai })
    expect(marks(priceRevenueConfig(withValue('openAIRevenue', 10), DARK, STILL)).callout).toMatchObject({ text: '~50x', color: DARK.company.openai })
  })

  it('keeps "estimated" in tooltip and caption', () => {
    expect(tooltipFor(config, 1).label).toBe('OpenAI annualized revenue: around $5B (estimated)')
    const text = priceRevenueText()
    expect(text.caption).toContainEqual({ label: 'Annualized revenue', value: 'around $5B (estimated)' })
    expect(text.caption).toContainEqual({ label: 'Price to revenue', value: '~100x ($500B ÷ $5B)' })
  })

  it.each([
    [0, /^facts\.openAIRevenue\.value: must be greater than zero, got 0/],
    [Number.NaN, /^facts\.openAIRevenue\.value: expected a number/],
    [-5, /^facts\.openAIRevenue\.value: must not be negative/],
  ])('refuses a revenue of %s, naming the field', (value, message) => {
    expect(() => priceRevenueConfig(withValue('openAIRevenue', value), LIGHT, STILL)).toThrow(message)
    expect(() => priceRevenueText(withValue('openAIRevenue', value))).toThrow(message)
  })
})

describe('investment map', () => {
  const config = investmentMapConfig(FACTS, LIGHT, STILL)

  it('lists who pays whom, with "in talks" on the axis', () => {
    expect(config.data.labels).toEqual([['Microsoft → OpenAI'], ['Amazon → OpenAI', '(in talks)'], ['Amazon → Anthropic']])
    expect(values(config)).toEqual([13, 10, 4])
    expect(markTexts(config)).toEqual(['~$13B', '$10B+ (floor)', '$4B'])
  })

  it('marks Amazon → OpenAI as in talks and a floor, and nothing else', () => {
    expect(marks(config).bars.map(b => [b.tentative, b.floor])).toEqual([[false, false], [true, true], [false, false]])
  })

  it('colours bars by investor, the deal in talks faded', () => {
    expect(colors(config)).toEqual([LIGHT.company.microsoft, withAlpha(LIGHT.company.amazon, 0.22), LIGHT.company.amazon])
    expect(marks(config).bars.map(b => b.color)).toEqual([LIGHT.company.microsoft, LIGHT.company.amazon, LIGHT.company.amazon])
    expect(colors(investmentMapConfig(FACTS, DARK, STILL))).toEqual([DARK.company.microsoft, withAlpha(DARK.company.amazon, 0.22), DARK.company.amazon])
  })

  it('carries the qualifiers and the notes in tooltips and caption', () => {
    expect(tooltipFor(config, 0)).toEqual({
      title: 'Microsoft → OpenAI (Azure credits + direct investment)',
      label: 'Microsoft into OpenAI (Azure credits + direct investment): around $13B',
    })
    expect(tooltipFor(config, 1).label).toBe('Amazon into OpenAI (in talks): at least $10B (a floor)')
    expect(tick(config, 5)).toBe('$5B')
    const text = investmentMapText()
    expect(text.caption.map(r => r.value)).toEqual(['around $13B', 'at least $10B', '$4B'])
    expect(text.summary).toContain('Amazon into OpenAI (in talks): at least $10B')
  })

  it('stops striping once the label no longer says "in talks"', () => {
    const closed = withFact('amazonInOpenAI', { label: 'Amazon into OpenAI' })
    expect(marks(investmentMapConfig(closed, LIGHT, STILL)).bars[1]?.tentative).toBe(false)
  })

  it('refuses a negative investment, naming the field', () => {
    expect(() => investmentMapConfig(withValue('amazonInAnthropic', -4), LIGHT, STILL)).toThrow(/^facts\.amazonInAnthropic\.value: must not be negative/)
  })
})

describe('chart definitions', () => {
  it('give each chart its DOM id and both halves', () => {
    expect([valuationLeague, valuationJump, priceRevenue, investmentMap].map(d => d.id))
      .toEqual(['valuation-league', 'valuation-jump', 'price-revenue', 'investment-map'])
    for (const d of [valuationLeague, valuationJump, priceRevenue, investmentMap]) {
      const config = d.config(FACTS, DARK, STILL)
      expect(config.options?.responsive).toBe(true)
      expect(config.options?.maintainAspectRatio).toBe(false)
      expect(config.options?.plugins?.legend?.display).toBe(false)
      expect(d.text(FACTS).summary).toMatch(/billions of US dollars/)
    }
  })

  it('follow a corrected figure everywhere', () => {
    const table = withValue('openAIValuation', 600)
    expect(markTexts(valuationLeagueConfig(table, LIGHT, STILL))[0]).toBe('$600B+ (floor)')
    expect(marks(valuationJumpConfig(table, LIGHT, STILL)).callout?.text).toBe('~4.0x')
    expect(marks(priceRevenueConfig(table, LIGHT, STILL)).callout?.text).toBe('~120x')
    expect(valuationLeagueText(table).caption.at(-1)?.value).toBe('~2.6x xAI, ~3.3x Anthropic')
  })
})

// ---------------------------------------------------------------------------------------------
// The inline plugins, run against a fake chart and a recording canvas context
// ---------------------------------------------------------------------------------------------

interface Drawn { text: string, x: number, y: number, fill: unknown }

function fakeChart(config: BarConfig, boxes: { x: number, y: number, base: number, width: number, height: number }[]) {
  const texts: Drawn[] = []
  const state: Record<string, unknown> = {}
  const ctx = new Proxy(state, {
    get(target, prop) {
      if (prop === 'fillText')
        return (text: string, x: number, y: number) => texts.push({ text, x, y, fill: target.fillStyle })
      if (prop === 'measureText')
        return (text: string) => ({ width: text.length * 8 })
      if (prop in target)
        return target[prop as string]
      return () => undefined
    },
    set(target, prop, value) {
      target[prop as string] = value
      return true
    },
  })
  const chart = {
    ctx,
    width: 880,
    height: 300,
    chartArea: { left: 120, top: 10, right: 870, bottom: 270, width: 750, height: 260 },
    options: config.options,
    getDatasetMeta: () => ({
      data: boxes.map(b => ({ getProps: () => b })),
    }),
  } as unknown as Chart<'bar'>
  return { chart, texts }
}

function runPlugin(plugin: Plugin<'bar', MarksOptions>, config: BarConfig, boxes: Parameters<typeof fakeChart>[1]): Drawn[] {
  const { chart, texts } = fakeChart(config, boxes)
  plugin.afterDatasetsDraw?.(chart, {} as never, marks(config), false)
  return texts
}

describe('in-chart marks plugins', () => {
  it('league: writes each end label and the floor label past the extension', () => {
    const config = valuationLeagueConfig(FACTS, LIGHT, STILL)
    const texts = runPlugin(valuationLeagueMarks, config, [
      { x: 500, y: 50, base: 120, width: 0, height: 50 },
      { x: 300, y: 130, base: 120, width: 0, height: 50 },
      { x: 250, y: 210, base: 120, width: 0, height: 50 },
    ])
    expect(texts.map(t => t.text)).toEqual(['$500B+ (floor)', '$230B (reported)', '$183B'])
    // the floor label sits beyond the bar end plus its extension
    expect(texts[0]?.x).toBeGreaterThan(500 + 30)
    expect(texts[1]?.x).toBe(306)
  })

  it('league: moves a label inside the bar when it would leave the canvas', () => {
    const config = valuationLeagueConfig(FACTS, DARK, STILL)
    const texts = runPlugin(valuationLeagueMarks, config, [
      { x: 860, y: 50, base: 120, width: 0, height: 50 },
      { x: 300, y: 130, base: 120, width: 0, height: 50 },
      { x: 250, y: 210, base: 120, width: 0, height: 50 },
    ])
    expect(texts[0]).toMatchObject({ text: '$500B+ (floor)', x: 854, fill: DARK.background })
  })

  it('jump: draws ~3.3x between the bars', () => {
    const config = valuationJumpConfig(FACTS, LIGHT, STILL)
    const texts = runPlugin(valuationJumpMarks, config, [
      { x: 300, y: 220, base: 270, width: 100, height: 0 },
      { x: 700, y: 80, base: 270, width: 100, height: 0 },
    ])
    const multiple = texts.find(t => t.text === '~3.3x')
    expect(multiple).toBeDefined()
    expect(multiple?.x).toBeGreaterThan(350)
    expect(multiple?.x).toBeLessThan(650)
    expect(texts.map(t => t.text)).toEqual(expect.arrayContaining(['$150B', '$500B+ (floor)']))
  })

  it('price: draws ~100x in the revenue row, clear of the revenue label', () => {
    const config = priceRevenueConfig(FACTS, LIGHT, STILL)
    const texts = runPlugin(priceRevenueMarks, config, [
      { x: 620, y: 70, base: 120, width: 0, height: 60 },
      { x: 126, y: 200, base: 120, width: 0, height: 60 },
    ])
    const multiple = texts.find(t => t.text === '~100x')
    const revenue = texts.find(t => t.text === '~$5B (est.)')
    expect(multiple?.y).toBeGreaterThan(150)
    expect((multiple?.x ?? 0) - '~100x'.length * 8).toBeGreaterThan((revenue?.x ?? 0) + '~$5B (est.)'.length * 8)
    expect(texts.map(t => t.text)).toContain('$500B ÷ $5B')
  })

  it('investment map: labels every flow', () => {
    const config = investmentMapConfig(FACTS, LIGHT, STILL)
    const texts = runPlugin(investmentMapMarks, config, [
      { x: 500, y: 50, base: 120, width: 0, height: 50 },
      { x: 400, y: 130, base: 120, width: 0, height: 50 },
      { x: 200, y: 210, base: 120, width: 0, height: 50 },
    ])
    expect(texts.map(t => t.text)).toEqual(['~$13B', '$10B+ (floor)', '$4B'])
  })

  it('draws nothing when the chart has no marks options', () => {
    const config: BarConfig = { ...valuationLeagueConfig(FACTS, LIGHT, STILL) }
    const { chart, texts } = fakeChart(config, [])
    valuationLeagueMarks.afterDatasetsDraw?.(chart, {} as never, undefined as unknown as MarksOptions, false)
    expect(texts).toEqual([])
  })
})

// Type-level check: every helper returns a Chart.js configuration for a bar chart.
const _typed: ChartConfiguration<'bar', number[], string | string[]> = valuationLeagueConfig(FACTS, LIGHT, STILL)
void _typed
