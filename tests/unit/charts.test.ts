import type { Chart, Plugin } from 'chart.js'
import type { BarConfig, ChartId } from '../../snippets/charts'
import type { FactKey, FactTable } from '../../snippets/facts'
import type { Palette } from '../../snippets/palette'
import { describe, expect, it } from 'vitest'
import { chartBars, chartConfig, CHARTS, chartSummary, FONT_SIZE, HEADROOM } from '../../snippets/charts'
import { FactError, FACTS } from '../../snippets/facts'
import { paletteFor } from '../../snippets/palette'

const IDS = Object.keys(CHARTS) as ChartId[]
const STILL = { animate: false }
const withValue = (key: FactKey, value: number): FactTable => ({ ...FACTS, [key]: { ...FACTS[key], value } })
const LIGHT = paletteFor(false)
const config = (id: ChartId, palette: Palette = LIGHT) => chartConfig(id, FACTS, palette, STILL)

/** A canvas context that records the text drawn and the font it is drawn in; measures 10 px a character. */
function recordingContext() {
  const texts: { text: string, font: string }[] = []
  const state = { font: '' }
  const ctx = new Proxy(state, {
    get(target, name) {
      if (name === 'font')
        return target.font
      if (name === 'fillText')
        return (text: string) => texts.push({ text, font: target.font })
      if (name === 'measureText')
        return (text: string) => ({ width: text.length * 10 })
      return () => ({ addColorStop: () => {} })
    },
    set(target, name, value) {
      if (name === 'font')
        target.font = String(value)
      return true
    },
  })
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts }
}

/** Runs the chart's marks plugin on a fake chart whose value axis maps 1 B$ to 1 px. */
function drawMarks(c: BarConfig) {
  const { ctx, texts } = recordingContext()
  const values = c.data.datasets[0]!.data
  const bar = (value: number, i: number) => ({ getProps: () => ({ x: value, y: 100 + i * 60, base: 0, width: 40, height: 40 }) })
  const chart = {
    ctx,
    scales: { x: { getPixelForValue: (v: number) => v }, y: { getPixelForValue: (v: number) => v } },
    getDatasetMeta: () => ({ data: values.map(bar) }),
  } as unknown as Chart<'bar'>
  for (const plugin of c.plugins ?? [] as Plugin<'bar'>[])
    plugin.afterDatasetsDraw?.(chart, {}, {}, false)
  return texts
}

describe('bars come from the facts module, hedges attached', () => {
  it.each([
    ['league', ['OpenAI', 'xAI', 'Anthropic'], [['$500B+', 'if the deal closes'], ['$230B (reported)'], ['$183B']]],
    ['jump', ['Months ago', 'If the deal closes'], [['$150B'], ['$500B+']]],
    ['priceRevenue', ['Revenue, annualized', 'Valuation if the deal closes'], [['~$5B (est.)'], ['$500B+']]],
    ['amazonBets', ['Anthropic', 'OpenAI'], [['$4B'], ['$10B+', 'in talks']]],
  ] as const)('%s', (id, categories, labels) => {
    const bars = chartBars(CHARTS[id])
    expect(bars.map(b => b.category)).toEqual(categories)
    expect(bars.map(b => b.lines)).toEqual(labels)
    expect(bars.map(b => b.value)).toEqual(CHARTS[id].bars.map(b => FACTS[b.key].value))
    expect(config(id).data.datasets[0]!.data).toEqual(bars.map(b => b.value))
  })

  it('follows the table it is given', () => {
    const bars = chartBars(CHARTS.amazonBets, withValue('amazonInOpenAI', 12.5))
    expect(bars[1]).toMatchObject({ value: 12.5, lines: ['$12.5B+', 'in talks'] })
  })

  it('ranks the league largest first', () => {
    const values = chartBars(CHARTS.league).map(b => b.value)
    expect(values).toEqual([...values].sort((a, b) => b - a))
  })

  it('speaks one language for uncertain figures: a floor fades, a figure hanging on the deal is dashed', () => {
    for (const id of IDS) {
      for (const bar of chartBars(CHARTS[id])) {
        expect(bar.floor, `${id} ${bar.key}`).toBe(['at least', 'north of'].includes(FACTS[bar.key].hedge))
        expect(bar.dashed, `${id} ${bar.key}`).toBe(FACTS[bar.key].status === 'in talks')
      }
    }
    expect(chartBars(CHARTS.amazonBets).map(b => [b.floor, b.dashed])).toEqual([[false, false], [true, true]])
    expect(chartBars(CHARTS.league).map(b => [b.floor, b.dashed])).toEqual([[true, true], [false, false], [false, false]])
  })

  it('takes the deal wording and the dashes from the status: a closed deal loses both', () => {
    const closed = { ...FACTS, amazonInOpenAI: { ...FACTS.amazonInOpenAI, status: 'closed' as const }, openAIValuation: { ...FACTS.openAIValuation, status: 'closed' as const, value: 600 } }
    expect(chartBars(CHARTS.amazonBets, closed)[1]).toMatchObject({ lines: ['$10B+', 'agreed'], dashed: false })
    expect(chartBars(CHARTS.jump, closed)[1]).toMatchObject({ category: 'Set by the deal', lines: ['$600B+'], dashed: false })
    expect(chartSummary(CHARTS.league, closed)).not.toMatch(/if the deal closes|in talks|\$500B/)
  })
})

describe('a bad figure throws, naming the field', () => {
  const cases = IDS.flatMap(id => CHARTS[id].bars.map(b => [id, b.key] as const))
  it.each(cases)('%s with %s = NaN', (id, key) => {
    const broken = withValue(key, Number.NaN)
    const message = `facts.${key}.value: expected a finite number, got NaN`
    expect(() => chartConfig(id, broken, LIGHT, STILL)).toThrow(FactError)
    expect(() => chartConfig(id, broken, LIGHT, STILL)).toThrow(message)
    expect(() => chartSummary(CHARTS[id], broken)).toThrow(message)
  })

  it('names a zero or negative figure too', () => {
    expect(() => chartConfig('jump', withValue('openAIValuationBefore', 0), LIGHT, STILL))
      .toThrow('facts.openAIValuationBefore.value: must be greater than zero, got 0')
  })
})

describe('axes fit the data', () => {
  it.each(IDS)('%s: value axis ends within 15%% above the largest bar, no ticks, no gridlines', (id) => {
    const c = config(id)
    const largest = Math.max(...c.data.datasets[0]!.data)
    const valueAxis = c.options!.indexAxis === 'y' ? 'x' : 'y'
    const max = Number(c.options!.scales![valueAxis]!.max)
    expect(max).toBeGreaterThan(largest * 1.1) // the floor's "could be higher" arrow fits
    expect(max).toBeLessThanOrEqual(largest * HEADROOM)
    expect(c.options!.scales![valueAxis]!.display).toBe(false)
    for (const scale of Object.values(c.options!.scales!))
      expect(scale!.grid!.display).toBe(false)
  })

  it.each(IDS)('%s: layout leaves room for the direct labels', (id) => {
    const c = config(id)
    const padding = c.options!.layout!.padding
    if (typeof padding !== 'function')
      throw new TypeError('padding should be measured')
    const { ctx } = recordingContext()
    const room = padding({ chart: { ctx } } as never, {}) as { right: number, top: number }
    const bars = chartBars(CHARTS[id])
    const widest = Math.max(...bars.flatMap(b => b.lines.map(line => line.length * 10)))
    const lines = Math.max(...bars.map(b => b.lines.length))
    if (CHARTS[id].horizontal)
      expect(room.right).toBeGreaterThanOrEqual(widest)
    else
      expect(room.top).toBeGreaterThanOrEqual(lines * FONT_SIZE.value * 1.2)
  })
})

describe('what the audience reads', () => {
  it.each(IDS)('%s: every label drawn at its bar, in Inter, at 15 CSS px or more', (id) => {
    const c = config(id)
    const texts = drawMarks(c)
    expect(texts.map(t => t.text)).toEqual(expect.arrayContaining(chartBars(CHARTS[id]).flatMap(b => b.lines)))
    for (const { font } of texts) {
      expect(font).toMatch(/Inter/)
      expect(Number(/(\d+)px/.exec(font)?.[1])).toBeGreaterThanOrEqual(15)
    }
    const categoryAxis = c.options!.indexAxis === 'y' ? 'y' : 'x'
    const ticks = c.options!.scales![categoryAxis]!.ticks as { font: { size: number, family: string } }
    expect(ticks.font.size).toBeGreaterThanOrEqual(15)
    expect(ticks.font.family).toMatch(/Inter/)
  })

  it.each([['jump', '3.3x+'], ['amazonBets', '2.5x+'], ['priceRevenue', '~100x']] as const)(
    '%s: writes its ratio once, between the bars, with its hedge',
    (id, ratio) => {
      const texts = drawMarks(config(id)).map(t => t.text)
      expect(texts.filter(t => t === ratio)).toHaveLength(1)
      expect(chartSummary(CHARTS[id])).toContain(`${ratio} the first (our arithmetic)`)
    },
  )

  it.each(IDS)('%s: summary gives every figure with its hedge', (id) => {
    const summary = chartSummary(CHARTS[id])
    for (const bar of chartBars(CHARTS[id]))
      expect(summary).toContain(`${bar.category}: ${bar.spoken}`)
  })

  it('says the hedges out loud in the summaries', () => {
    expect(chartSummary(CHARTS.league)).toMatch(/north of \$500B, if the deal closes.*\$230B, reported/)
    expect(chartSummary(CHARTS.priceRevenue)).toContain('around $5B, estimated')
    expect(chartSummary(CHARTS.amazonBets)).toContain('at least $10B, in talks')
    expect(chartSummary(CHARTS.jump)).toContain('If the deal closes: north of $500B. The second is 3.3x+')
  })

  it.each([LIGHT, paletteFor(true)])('colours come from the palette only ($mode)', (palette) => {
    const colours = (id: ChartId) => config(id, palette).data.datasets[0]!.backgroundColor as string[]
    const tint = (colour: string) => new RegExp(`^${colour}[0-9a-f]{2}$`) // inside a dashed outline
    expect(colours('league')[0]).toMatch(tint(palette.company.openai))
    expect(colours('league').slice(1)).toEqual([palette.other, palette.other])
    expect(colours('priceRevenue')[0]).toBe(palette.company.openai)
    expect(colours('jump')[0]).toBe(palette.company.openai) // earlier, but reported: solid, no second meaning of pale
    expect(colours('amazonBets')[0]).toBe(palette.company.amazon)
    expect(colours('amazonBets')[1]).toMatch(tint(palette.company.amazon))
  })

  it('animates only when asked', () => {
    expect(chartConfig('league', FACTS, LIGHT, { animate: false }).options!.animation).toBe(false)
    expect(chartConfig('league', FACTS, LIGHT, { animate: true }).options!.animation).toBeTruthy()
  })
})
