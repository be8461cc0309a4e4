// Chart 2 — the jump: OpenAI at $150B months ago, then north of $500B if the deal closes.
// An arrow from the first bar to the second carries the multiple (~3.3x, from derive('valuationJump')).
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
  withAlpha,
  wrapWords,
} from './common'

export const VALUATION_JUMP_TITLE = 'OpenAI valuation jump'

/** Before, then after: the order is time, not size. */
export const JUMP_KEYS = ['openAIValuationBefore', 'openAIValuation'] as const satisfies readonly FactKey[]

export interface JumpRow {
  readonly figure: Figure
  /** "Months ago", "If the deal closes" (the fact label after "OpenAI valuation"). */
  readonly when: string
  readonly lines: string[]
}

export function valuationJumpRows(facts: FactTable = FACTS): JumpRow[] {
  return JUMP_KEYS.map((key) => {
    const figure = readFigure(facts, key)
    const when = capitalize(labelAfter(figure.fact.label, 'OpenAI valuation'))
    return { figure, when, lines: wrapWords(when, 20) }
  })
}

/** Arrow from the top of the "before" bar up to the "after" bar, with the multiple written over it. */
function drawJumpArrow(chart: Chart<'bar'>, marks: MarksOptions, callout: Callout): void {
  const a = barBox(chart, callout.from)
  const b = barBox(chart, callout.to)
  if (!a || !b || a.horizontal)
    return
  const { ctx } = chart
  const gap = 10
  const x0 = a.center + a.thickness / 2 + gap
  const y0 = a.end
  const x1 = b.center - b.thickness / 2 - gap
  // the arrow ends at the left edge of the second bar, just under its top
  const y1 = b.end + 6
  if (x1 - x0 < 16)
    return
  ctx.save()
  ctx.strokeStyle = callout.color
  ctx.fillStyle = callout.color
  ctx.lineWidth = 3
  ctx.lineCap = 'round'
  const angle = Math.atan2(y1 - y0, x1 - x0)
  const head = 12
  ctx.beginPath()
  ctx.moveTo(x0, y0)
  ctx.lineTo(x1 - Math.cos(angle) * head * 0.8, y1 - Math.sin(angle) * head * 0.8)
  ctx.stroke()
  ctx.beginPath()
  ctx.moveTo(x1, y1)
  ctx.lineTo(x1 - head * Math.cos(angle - 0.45), y1 - head * Math.sin(angle - 0.45))
  ctx.lineTo(x1 - head * Math.cos(angle + 0.45), y1 - head * Math.sin(angle + 0.45))
  ctx.closePath()
  ctx.fill()
  // The multiple sits above and to the left of the arrow's middle, where the rising line leaves room.
  const mx = (x0 + x1) / 2
  const my = (y0 + y1) / 2
  ctx.font = cssFont(FONT_SIZE.callout, 'bold')
  ctx.textAlign = 'right'
  ctx.textBaseline = 'bottom'
  const textWidth = ctx.measureText(callout.text).width
  const tx = Math.max(mx - 6, chart.chartArea.left + textWidth + 4)
  ctx.fillText(callout.text, tx, my - 6)
  if (callout.note) {
    ctx.font = cssFont(FONT_SIZE.note)
    ctx.fillStyle = marks.mutedColor
    ctx.fillText(callout.note, tx, my - 8 - FONT_SIZE.callout * 1.1)
  }
  ctx.restore()
}

export const valuationJumpMarks = marksPlugin(drawJumpArrow)

export function valuationJumpConfig(facts: FactTable, palette: Palette, opts: BuildOptions): BarConfig {
  const rows = valuationJumpRows(facts)
  const jump = readMultiple(facts, 'valuationJump')
  const openai = palette.company.openai
  const colors = rows.map((_, i) => (i === rows.length - 1 ? openai : withAlpha(openai, 0.5)))
  const data = checkBarData('valuationJump', {
    labels: rows.map(r => r.lines),
    datasets: [{
      label: VALUATION_JUMP_TITLE,
      data: rows.map(r => r.figure.fact.value),
      backgroundColor: colors,
      borderRadius: 4,
      barPercentage: 0.62,
      categoryPercentage: 0.8,
      maxBarThickness: 120,
    }],
  })
  const marks = barEndMarks(palette, rows.map(r => ({ figure: r.figure, color: openai })), {
    from: { datasetIndex: 0, index: 0 },
    to: { datasetIndex: 0, index: rows.length - 1 },
    text: jump.text,
    note: '',
    color: openai,
  })
  return {
    type: 'bar',
    data,
    options: baseOptions({
      palette,
      opts,
      horizontal: false,
      headroom: 1.35,
      figures: rows.map(r => r.figure),
      titles: rows.map(r => r.when),
      marks,
    }),
    plugins: [valuationJumpMarks],
  }
}

export function valuationJumpText(facts: FactTable = FACTS): ChartText {
  const rows = valuationJumpRows(facts)
  const jump = readMultiple(facts, 'valuationJump')
  const jumpRow = { label: 'Jump', value: `${jump.text} (${jump.formula})` }
  const caption = [...rows.map(r => captionRow(r.figure, r.when)), jumpRow]
  const summary = summarize(VALUATION_JUMP_TITLE, [...rows.map(r => captionRow(r.figure)), jumpRow])
  return { title: VALUATION_JUMP_TITLE, summary, caption }
}

export const valuationJump: ChartDefinition = {
  id: 'valuation-jump',
  config: valuationJumpConfig,
  text: valuationJumpText,
}
