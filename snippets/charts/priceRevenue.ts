// Chart 3 — price against revenue: north of $500B of valuation against around $5B of annualized
// revenue (an estimate). On one axis the revenue bar is a sliver; "~100x" (derive('revenueMultiple'))
// is written large beside it.
import type { Chart } from 'chart.js'
import { FACTS, type FactKey, type FactTable } from '../facts'
import type { Palette } from '../palette'
import {
  barBox,
  type BarConfig,
  barEndMarks,
  baseOptions,
  type BuildOptions,
  type Callout,
  capitalize,
  captionRow,
  type ChartDefinition,
  type ChartText,
  checkBarData,
  cssFont,
  type Figure,
  FONT_SIZE,
  labelAfter,
  type MarksOptions,
  marksPlugin,
  readFigure,
  readMultiple,
  summarize,
  wrapWords,
} from './common'

export const PRICE_REVENUE_TITLE = 'OpenAI price against revenue'

/** The price first, then what it buys a year. */
export const PRICE_REVENUE_KEYS = ['openAIValuation', 'openAIRevenue'] as const satisfies readonly FactKey[]

export interface PriceRevenueRow {
  readonly figure: Figure
  /** "Valuation if the deal closes", "Annualized revenue" (the fact label after "OpenAI"). */
  readonly name: string
  readonly lines: string[]
}

export function priceRevenueRows(facts: FactTable = FACTS): PriceRevenueRow[] {
  return PRICE_REVENUE_KEYS.map((key) => {
    const figure = readFigure(facts, key)
    const name = capitalize(labelAfter(figure.fact.label, 'OpenAI'))
    return { figure, name, lines: wrapWords(name, 15) }
  })
}

/**
 * The multiple, large, in the revenue row, right-aligned under the end of the valuation bar (so the
 * eye reads "this long bar is ~100x that sliver"); the formula in small type under it.
 */
function drawMultiple(chart: Chart<'bar'>, marks: MarksOptions, callout: Callout): void {
  const price = barBox(chart, callout.from)
  const revenue = barBox(chart, callout.to)
  if (!price || !revenue)
    return
  const { ctx, chartArea } = chart
  ctx.save()
  const bigFont = cssFont(FONT_SIZE.callout + 6, 'bold')
  ctx.font = bigFont
  const bigWidth = ctx.measureText(callout.text).width
  // keep clear of the revenue bar's own end label
  const revenueMark = marks.bars.find(m => m.datasetIndex === callout.to.datasetIndex && m.index === callout.to.index)
  ctx.font = cssFont(FONT_SIZE.label, 'bold')
  const labelEnd = revenue.end + 6 + (revenueMark ? ctx.measureText(revenueMark.text).width : 0)
  const x = Math.min(chartArea.right - 4, Math.max(price.end, labelEnd + 20 + bigWidth))
  ctx.textAlign = 'right'
  ctx.fillStyle = callout.color
  ctx.font = bigFont
  ctx.textBaseline = callout.note ? 'bottom' : 'middle'
  ctx.fillText(callout.text, x, callout.note ? revenue.center + 8 : revenue.center)
  if (callout.note) {
    ctx.fillStyle = marks.mutedColor
    ctx.font = cssFont(FONT_SIZE.note)
    ctx.textBaseline = 'top'
    ctx.fillText(callout.note, x, revenue.center + 10)
  }
  ctx.restore()
}

export const priceRevenueMarks = marksPlugin(drawMultiple)

export function priceRevenueConfig(facts: FactTable, palette: Palette, opts: BuildOptions): BarConfig {
  const rows = priceRevenueRows(facts)
  const multiple = readMultiple(facts, 'revenueMultiple')
  const openai = palette.company.openai
  const data = checkBarData('priceRevenue', {
    labels: rows.map(r => r.lines),
    datasets: [{
      label: PRICE_REVENUE_TITLE,
      data: rows.map(r => r.figure.fact.value),
      backgroundColor: rows.map(() => openai),
      borderRadius: 3,
      // a tiny revenue still shows as a visible sliver
      minBarLength: 4,
      barPercentage: 0.78,
      categoryPercentage: 0.9,
      maxBarThickness: 64,
    }],
  })
  const marks = barEndMarks(palette, rows.map(r => ({ figure: r.figure, color: openai })), {
    from: { datasetIndex: 0, index: 0 },
    to: { datasetIndex: 0, index: rows.length - 1 },
    text: multiple.text,
    note: multiple.formula,
    color: openai,
  })
  return {
    type: 'bar',
    data,
    options: baseOptions({
      palette,
      opts,
      horizontal: true,
      headroom: 1.3,
      figures: rows.map(r => r.figure),
      titles: rows.map(r => r.name),
      marks,
    }),
    plugins: [priceRevenueMarks],
  }
}

export function priceRevenueText(facts: FactTable = FACTS): ChartText {
  const rows = priceRevenueRows(facts)
  const multiple = readMultiple(facts, 'revenueMultiple')
  const multipleRow = { label: 'Price to revenue', value: `${multiple.text} (${multiple.formula})` }
  const caption = [...rows.map(r => captionRow(r.figure, r.name)), multipleRow]
  const summary = summarize(PRICE_REVENUE_TITLE, [...rows.map(r => captionRow(r.figure)), multipleRow])
  return { title: PRICE_REVENUE_TITLE, summary, caption }
}

export const priceRevenue: ChartDefinition = {
  id: 'price-revenue',
  config: priceRevenueConfig,
  text: priceRevenueText,
}
