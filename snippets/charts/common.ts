// Shared, framework-free pieces of the deck's four bar charts.
// Nothing here imports Vue or Slidev: the chart modules build plain Chart.js configurations
// from the fact table, so they can be unit-tested in Node and the Vue layer stays thin.
import type {
  Chart,
  ChartConfiguration,
  ChartData,
  ChartOptions,
  ChartType,
  FontSpec,
  Plugin,
  TooltipItem,
} from 'chart.js'
import type { DerivedKey } from '../derived'
import { DERIVATIONS, derive } from '../derived'
import type { Fact, FactKey, FactTable } from '../facts'
import { FactError, getFact } from '../facts'
import { formatAmount, formatFact, formatMultiple } from '../format'
import type { Palette } from '../palette'

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type ChartId = 'valuation-league' | 'valuation-jump' | 'price-revenue' | 'investment-map'

/** A category label: one line, or several lines (Chart.js draws an array as stacked lines). */
export type BarLabel = string | string[]

export type BarConfig = ChartConfiguration<'bar', number[], BarLabel>
export type BarData = ChartData<'bar', number[], BarLabel>
export type BarOptions = ChartOptions<'bar'>

export interface BuildOptions {
  /** false for print/export and for tests: no entry animation, the first frame is the final one. */
  readonly animate: boolean
}

/** One figure of the caption under a chart, e.g. { label: 'xAI valuation', value: '$230B (reported)' }. */
export interface CaptionRow {
  readonly label: string
  readonly value: string
}

export interface ChartText {
  /** Short name of the chart, e.g. "Valuation league". */
  readonly title: string
  /** One sentence with every figure and its qualifier: the canvas aria-label. */
  readonly summary: string
  /** The same figures as visible text under the chart (a PDF text search finds them). */
  readonly caption: readonly CaptionRow[]
}

/** What a thin chart component hands to ChartFrame. */
export interface ChartDefinition {
  readonly id: ChartId
  config: (facts: FactTable, palette: Palette, opts: BuildOptions) => BarConfig
  text: (facts: FactTable) => ChartText
}

// ---------------------------------------------------------------------------------------------
// Errors and validation
// ---------------------------------------------------------------------------------------------

/** Bad chart input. The message starts with the field at fault, e.g. "facts.openAIRevenue.value: …". */
export class ChartDataError extends Error {
  constructor(readonly field: string, readonly problem: string) {
    super(`${field}: ${problem}`)
    this.name = 'ChartDataError'
  }
}

function fromFactError(error: unknown): never {
  if (error instanceof FactError) {
    const prefix = `${error.field}: `
    const problem = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message
    throw new ChartDataError(error.field, problem)
  }
  throw error
}

/** A figure read from the fact table, checked, with its text forms ready for labels. */
export interface Figure {
  readonly key: FactKey
  readonly fact: Fact
  /** "$500B+", "~$13B", "$230B (reported)", "~$5B (est.)" */
  readonly short: string
  /** "north of $500B", "around $13B", "around $5B (estimated)" */
  readonly long: string
  /** true when the article gives a lower bound ("at least", "north of"): the bar is a floor. */
  readonly floor: boolean
}

export function isFloor(fact: Fact): boolean {
  return fact.hedge === 'at least' || fact.hedge === 'north of'
}

/** Reads and checks one figure; any problem throws a ChartDataError naming the field. */
export function readFigure(table: FactTable | null | undefined, key: FactKey): Figure {
  if (table === null || typeof table !== 'object')
    throw new ChartDataError('facts', `expected a fact table, got ${table === null ? 'null' : typeof table}`)
  let fact: Fact
  let short: string
  let long: string
  try {
    fact = getFact(key, table)
    short = formatFact(fact, 'short', `facts.${key}`)
    long = formatFact(fact, 'long', `facts.${key}`)
  }
  catch (error) {
    return fromFactError(error)
  }
  if (typeof fact.label !== 'string' || fact.label.trim() === '')
    throw new ChartDataError(`facts.${key}.label`, 'expected a non-empty text label')
  return { key, fact, short, long, floor: isFloor(fact) }
}

/** A derived ratio from derived.ts, e.g. valuationJump → { value: 3.33…, text: "~3.3x", formula: "$500B ÷ $150B" }. */
export interface Multiple {
  readonly key: DerivedKey
  readonly value: number
  readonly text: string
  readonly formula: string
}

export function readMultiple(table: FactTable, key: DerivedKey): Multiple {
  const [top, bottom] = DERIVATIONS[key]
  const a = readFigure(table, top)
  const b = readFigure(table, bottom)
  try {
    const value = derive(key, table)
    return {
      key,
      value,
      text: formatMultiple(value, `derived.${key}`),
      formula: `${formatAmount(a.fact.value, `facts.${top}.value`)} ÷ ${formatAmount(b.fact.value, `facts.${bottom}.value`)}`,
    }
  }
  catch (error) {
    return fromFactError(error)
  }
}

/**
 * Checks a bar chart's data before Chart.js sees it: as many values as labels in every dataset,
 * and every value a finite number that is not negative. `field` is the chart's name, e.g. "valuationLeague".
 */
export function checkBarData(field: string, data: BarData): BarData {
  const labels = data.labels
  if (!Array.isArray(labels) || labels.length === 0)
    throw new ChartDataError(`${field}.data.labels`, 'expected at least one label')
  labels.forEach((label, i) => {
    const lines = Array.isArray(label) ? label : [label]
    if (lines.length === 0 || lines.some(line => typeof line !== 'string') || lines.join('').trim() === '')
      throw new ChartDataError(`${field}.data.labels[${i}]`, 'expected a non-empty text label')
  })
  if (data.datasets.length === 0)
    throw new ChartDataError(`${field}.data.datasets`, 'expected at least one dataset')
  data.datasets.forEach((dataset, d) => {
    const values: readonly unknown[] = dataset.data
    if (values.length !== labels.length) {
      const what = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
      throw new ChartDataError(`${field}.data.labels`, `${what(labels.length, 'label')} for ${what(values.length, 'value')} (dataset ${d})`)
    }
    values.forEach((value, i) => {
      const where = `${field}.data.datasets[${d}].data[${i}]`
      if (typeof value !== 'number' || Number.isNaN(value))
        throw new ChartDataError(where, `expected a number, got ${value === undefined ? 'nothing (undefined)' : String(value)}`)
      if (!Number.isFinite(value))
        throw new ChartDataError(where, `expected a finite number, got ${value}`)
      if (value < 0)
        throw new ChartDataError(where, `must not be negative, got ${value}`)
    })
  })
  return data
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/** The deck's font: the same stack as the slide text. */
export const FONT_FAMILY = '\'Inter\', system-ui, sans-serif'

/** Sizes in CSS pixels at slide scale (the slide is 980 px wide), large enough for the back row. */
export const FONT_SIZE = {
  tick: 14,
  label: 15,
  callout: 26,
  note: 13,
  tooltip: 14,
} as const

export function font(size: number, weight: FontSpec['weight'] = 'normal'): Partial<FontSpec> {
  return { family: FONT_FAMILY, size, weight, lineHeight: 1.2 }
}

export function cssFont(size: number, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight === 'bold' ? '700' : '400'} ${size}px ${FONT_FAMILY}`
}

/** Value-axis ticks in billions of US dollars: 0 → "$0", 100 → "$100B", 2.5 → "$2.5B". */
export function formatTick(value: number | string): string {
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(n))
    return String(value)
  if (n === 0)
    return '$0'
  const rounded = Math.round(n * 10) / 10
  return `${rounded < 0 ? '-' : ''}$${Number.isInteger(rounded) ? Math.abs(rounded).toFixed(0) : Math.abs(rounded).toFixed(1)}B`
}

/** Tooltip line for a figure: the article's label and the figure with its hedge. */
export function tooltipText(figure: Figure): string {
  return `${figure.fact.label}: ${figure.long}${figure.floor ? ' (a floor)' : ''}`
}

/** The in-chart label at the end of a bar: "$500B+ (floor)", "$230B (reported)", "~$13B". */
export function barEndText(figure: Figure): string {
  return figure.floor ? `${figure.short} (floor)` : figure.short
}

/** A figure as a caption row; `label` defaults to the fact's own label (the summary uses that). */
export function captionRow(figure: Figure, label: string = figure.fact.label): CaptionRow {
  return { label, value: figure.long }
}

/** "Valuation league, in billions of US dollars: a: b; c: d." — the canvas aria-label. */
export function summarize(title: string, rows: readonly CaptionRow[]): string {
  return `${title}, bar chart in billions of US dollars. ${rows.map(r => `${r.label}: ${r.value}`).join('; ')}.`
}

/** The part of a fact label after `prefix` ("OpenAI valuation months ago" → "months ago"), or the whole label. */
export function labelAfter(label: string, prefix: string): string {
  return label.startsWith(prefix) && label.length > prefix.length ? label.slice(prefix.length).trim() : label
}

/** Splits "Amazon into OpenAI (in talks)" into { main: "Amazon into OpenAI", note: "in talks" }. */
export function splitNote(label: string): { main: string, note: string } {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(label)
  return match ? { main: (match[1] ?? '').trim(), note: (match[2] ?? '').trim() } : { main: label.trim(), note: '' }
}

/** Greedy word wrap for category labels; Chart.js draws an array of strings as lines. */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line.length + 1 + word.length) > maxChars) {
      lines.push(line)
      line = word
    }
    else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line)
    lines.push(line)
  return lines
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

// ---------------------------------------------------------------------------------------------
// Colour
// ---------------------------------------------------------------------------------------------

/** "#0d7a5f" + 0.5 → "rgba(13, 122, 95, 0.5)". Colours that are not #rgb/#rrggbb pass through. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1]
  if (!hex)
    return color
  const full = hex.length === 3 ? hex.split('').map(c => c + c).join('') : hex
  const [r, g, b] = [0, 2, 4].map(i => Number.parseInt(full.slice(i, i + 2), 16))
  return `rgba(${r}, ${g}, ${b}, ${Math.min(1, Math.max(0, alpha))})`
}

// ---------------------------------------------------------------------------------------------
// Shared Chart.js options
// ---------------------------------------------------------------------------------------------

export const ANIMATION_MS = 900

export function animation(opts: BuildOptions): BarOptions['animation'] {
  return opts.animate ? { duration: ANIMATION_MS, easing: 'easeOutQuart' } : false
}

/** Tooltip options whose texts carry the qualifiers; callbacks index into the chart's figures. */
export function tooltip(figures: readonly Figure[], titles: readonly string[], palette: Palette): NonNullable<NonNullable<BarOptions['plugins']>['tooltip']> {
  return {
    enabled: true,
    backgroundColor: palette.background,
    titleColor: palette.text,
    bodyColor: palette.text,
    borderColor: palette.grid,
    borderWidth: 1,
    titleFont: font(FONT_SIZE.tooltip, 'bold'),
    bodyFont: font(FONT_SIZE.tooltip),
    padding: 10,
    displayColors: false,
    callbacks: {
      title: (items: TooltipItem<'bar'>[]) => {
        const i = items[0]?.dataIndex
        return i === undefined ? '' : (titles[i] ?? '')
      },
      label: (item: TooltipItem<'bar'>) => {
        const figure = figures[item.dataIndex]
        return figure ? tooltipText(figure) : ''
      },
    },
  }
}

// ---------------------------------------------------------------------------------------------
// In-chart marks: options read by each chart's small inline plugin
// ---------------------------------------------------------------------------------------------

/** Where a mark sits: one bar of one dataset. */
export interface BarRef {
  readonly datasetIndex: number
  readonly index: number
}

export interface BarMark extends BarRef {
  /** Label drawn past the bar's end (or inside it when there is no room). */
  readonly text: string
  /** The figure is a lower bound: draw a hatched, dashed extension with an arrow past the bar's end. */
  readonly floor: boolean
  /** The figure is not settled (deal in talks): stripes and a dashed outline over the bar itself. */
  readonly tentative: boolean
  /** Company colour used for the extension, stripes and outline. */
  readonly color: string
}

export interface Callout {
  readonly from: BarRef
  readonly to: BarRef
  /** The big figure, e.g. "~3.3x" or "~100x". */
  readonly text: string
  /** A small line under it, e.g. "valuation ÷ revenue". */
  readonly note: string
  readonly color: string
}

export interface MarksOptions {
  readonly textColor: string
  /** For labels drawn inside a bar (contrasts with the bar colours). */
  readonly insideTextColor: string
  readonly mutedColor: string
  /** Translucent fill of a floor extension when the bar colour is not a #hex colour (else the bar colour, faded). */
  readonly hatchColor: string
  readonly bars: readonly BarMark[]
  readonly callout?: Callout
}

declare module 'chart.js' {
  interface PluginOptionsByType<TType extends ChartType> {
    /** Options of the deck's in-chart marks plugin (each chart module defines its own plugin with this id). */
    deckMarks?: MarksOptions
  }
}

/** Every chart module's plugin uses this id, so its options live at options.plugins.deckMarks. */
export const MARKS_PLUGIN_ID = 'deckMarks'

// ---------------------------------------------------------------------------------------------
// Drawing helpers (used by the plugins; they only touch the canvas 2D context)
// ---------------------------------------------------------------------------------------------

/** A bar's geometry along its value axis ("a") and across it ("c"), in canvas pixels. */
export interface BarBox {
  readonly horizontal: boolean
  /** Pixel where the bar starts (value 0). */
  readonly start: number
  /** Pixel where the bar ends (its value). */
  readonly end: number
  /** Centre across the bar. */
  readonly center: number
  /** Thickness across the bar. */
  readonly thickness: number
  /** +1 when values grow to the right (horizontal), -1 when they grow upwards (vertical). */
  readonly dir: 1 | -1
}

export function barBox(chart: Chart<'bar'>, ref: BarRef): BarBox | undefined {
  const meta = chart.getDatasetMeta(ref.datasetIndex)
  const element = meta.data[ref.index]
  if (!element)
    return undefined
  const p = element.getProps(['x', 'y', 'base', 'width', 'height'], false) as Partial<Record<'x' | 'y' | 'base' | 'width' | 'height', number>>
  const horizontal = chart.options.indexAxis === 'y'
  const nums = [p.x, p.y, p.base, horizontal ? p.height : p.width]
  if (nums.some(n => typeof n !== 'number' || !Number.isFinite(n)))
    return undefined
  const [x, y, base, thickness] = nums as [number, number, number, number]
  return horizontal
    ? { horizontal, start: base, end: x, center: y, thickness: Math.abs(thickness), dir: 1 }
    : { horizontal, start: base, end: y, center: x, thickness: Math.abs(thickness), dir: -1 }
}

/** Maps (along, across) to canvas (x, y). */
function pt(box: BarBox, along: number, across: number): [number, number] {
  return box.horizontal ? [along, across] : [across, along]
}

function rectBetween(box: BarBox, a0: number, a1: number, inset = 0): [number, number, number, number] {
  const lo = Math.min(a0, a1)
  const len = Math.abs(a1 - a0)
  const c0 = box.center - box.thickness / 2 + inset
  const t = Math.max(0, box.thickness - inset * 2)
  return box.horizontal ? [lo, c0, len, t] : [c0, lo, t, len]
}

/** Length of a floor extension: a fixed share of the plot, clamped to stay readable. */
export function floorLength(chart: Chart<'bar'>, horizontal: boolean): number {
  const area = chart.chartArea
  const span = horizontal ? area.right - area.left : area.bottom - area.top
  return Math.round(Math.min(48, Math.max(30, span * 0.1)))
}

function stripes(ctx: CanvasRenderingContext2D, rect: [number, number, number, number], color: string, gap = 7): void {
  const [x, y, w, h] = rect
  if (w <= 0 || h <= 0)
    return
  ctx.save()
  ctx.beginPath()
  ctx.rect(x, y, w, h)
  ctx.clip()
  ctx.strokeStyle = color
  ctx.lineWidth = 2
  ctx.beginPath()
  for (let s = -h; s < w + h; s += gap) {
    ctx.moveTo(x + s, y + h)
    ctx.lineTo(x + s + h, y)
  }
  ctx.stroke()
  ctx.restore()
}

function dashedOutline(ctx: CanvasRenderingContext2D, rect: [number, number, number, number], color: string): void {
  const [x, y, w, h] = rect
  ctx.save()
  ctx.setLineDash([5, 4])
  ctx.lineWidth = 2
  ctx.strokeStyle = color
  ctx.strokeRect(x + 1, y + 1, Math.max(0, w - 2), Math.max(0, h - 2))
  ctx.restore()
}

/** Hatched, dashed extension past the bar's end with an arrowhead: "could be more than this". Returns the pixel past it. */
export function drawFloorExtension(ctx: CanvasRenderingContext2D, box: BarBox, length: number, color: string, fallbackHatch: string): number {
  const tinted = withAlpha(color, 0.25)
  const hatch = tinted === color ? fallbackHatch : tinted
  const head = Math.min(11, Math.max(7, box.thickness * 0.25))
  const a0 = box.end
  const a1 = box.end + box.dir * (length - head)
  const rect = rectBetween(box, a0, a1, Math.min(4, box.thickness * 0.08))
  ctx.save()
  ctx.fillStyle = hatch
  ctx.fillRect(...rect)
  stripes(ctx, rect, withAlpha(color, 0.55))
  dashedOutline(ctx, rect, color)
  // arrowhead pointing along the value axis
  const half = Math.min(box.thickness * 0.45, 14)
  ctx.fillStyle = color
  ctx.beginPath()
  ctx.moveTo(...pt(box, a1, box.center - half))
  ctx.lineTo(...pt(box, a1 + box.dir * head, box.center))
  ctx.lineTo(...pt(box, a1, box.center + half))
  ctx.closePath()
  ctx.fill()
  ctx.restore()
  return a1 + box.dir * head
}

/** Stripes and a dashed outline over a bar whose figure is not settled (e.g. a deal in talks). */
export function drawTentative(ctx: CanvasRenderingContext2D, box: BarBox, color: string): void {
  const rect = rectBetween(box, box.start, box.end)
  stripes(ctx, rect, withAlpha(color, 0.7), 8)
  dashedOutline(ctx, rect, color)
}

/**
 * Writes `text` just past `from` (the bar's end, or the end of its floor extension); when that would
 * leave the canvas, writes it inside the bar's end instead, in the inside colour.
 */
export function drawEndLabel(chart: Chart<'bar'>, box: BarBox, from: number, text: string, marks: MarksOptions): void {
  const { ctx } = chart
  const pad = 6
  ctx.save()
  ctx.font = cssFont(FONT_SIZE.label, 'bold')
  const width = ctx.measureText(text).width
  const height = FONT_SIZE.label * 1.2
  const barLength = Math.abs(box.end - box.start)
  let inside: boolean
  if (box.horizontal)
    inside = from + pad + width > chart.width - 2 && barLength > width + pad * 2
  else
    inside = from - pad - height < 2 && barLength > height + pad * 2
  ctx.fillStyle = inside ? marks.insideTextColor : marks.textColor
  if (box.horizontal) {
    ctx.textBaseline = 'middle'
    ctx.textAlign = inside ? 'right' : 'left'
    ctx.fillText(text, inside ? box.end - pad : from + pad, box.center)
  }
  else {
    ctx.textAlign = 'center'
    ctx.textBaseline = inside ? 'top' : 'bottom'
    ctx.fillText(text, box.center, inside ? box.end + pad : from - pad)
  }
  ctx.restore()
}

/** Draws every bar mark of `marks`: stripes for tentative bars, floor extensions, end labels. */
export function drawBarMarks(chart: Chart<'bar'>, marks: MarksOptions): void {
  const { ctx } = chart
  for (const mark of marks.bars) {
    const box = barBox(chart, mark)
    if (!box)
      continue
    ctx.save()
    if (mark.tentative)
      drawTentative(ctx, box, mark.color)
    const from = mark.floor
      ? drawFloorExtension(ctx, box, floorLength(chart, box.horizontal), mark.color, marks.hatchColor)
      : box.end
    drawEndLabel(chart, box, from, mark.text, marks)
    ctx.restore()
  }
}

/** Reads the plugin options, tolerating a chart that has none (the plugin then draws nothing). */
export function marksOf(options: unknown): MarksOptions | undefined {
  if (!options || typeof options !== 'object')
    return undefined
  const marks = options as Partial<MarksOptions>
  return Array.isArray(marks.bars) || (marks.bars && typeof marks.bars === 'object') ? marks as MarksOptions : undefined
}

// ---------------------------------------------------------------------------------------------
// The options every deck bar chart shares
// ---------------------------------------------------------------------------------------------

export interface BaseOptionsInput {
  readonly palette: Palette
  readonly opts: BuildOptions
  /** true: bars grow to the right (indexAxis 'y'); false: bars grow upwards. */
  readonly horizontal: boolean
  /** The value axis runs to `headroom` × the largest figure, so labels and floor marks fit. */
  readonly headroom: number
  /** One figure per category, in the order of the labels (for tooltips). */
  readonly figures: readonly Figure[]
  /** One tooltip title per category. */
  readonly titles: readonly string[]
  readonly marks: MarksOptions
}

export function baseOptions(input: BaseOptionsInput): BarOptions {
  const { palette, horizontal } = input
  const valueAxis = {
    type: 'linear' as const,
    beginAtZero: true,
    suggestedMax: Math.max(...input.figures.map(f => f.fact.value)) * input.headroom,
    grid: { color: palette.grid },
    border: { display: false },
    ticks: {
      color: palette.muted,
      font: font(FONT_SIZE.tick),
      maxTicksLimit: horizontal ? 6 : 5,
      callback: (value: number | string) => formatTick(value),
    },
  }
  const categoryAxis = {
    type: 'category' as const,
    grid: { display: false },
    border: { color: palette.grid },
    ticks: {
      color: palette.text,
      font: font(FONT_SIZE.tick),
      autoSkip: false,
      maxRotation: 0,
    },
  }
  return {
    indexAxis: horizontal ? 'y' : 'x',
    responsive: true,
    maintainAspectRatio: false,
    animation: animation(input.opts),
    layout: { padding: { top: horizontal ? 4 : 8, right: 12, bottom: 0, left: 0 } },
    scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    plugins: {
      legend: { display: false },
      tooltip: tooltip(input.figures, input.titles, palette),
      deckMarks: input.marks,
    },
  }
}

/** The marks' colours for a palette; the charts add their bars and callout. */
export function markColors(palette: Palette): Omit<MarksOptions, 'bars' | 'callout'> {
  return {
    textColor: palette.text,
    insideTextColor: palette.background,
    mutedColor: palette.muted,
    hatchColor: palette.floorHatch,
  }
}

/** One bar of a single-dataset chart: its figure, its colour, and whether it is only in talks. */
export interface MarkedBar {
  readonly figure: Figure
  readonly color: string
  readonly tentative?: boolean
}

/** End labels and floor extensions for each bar of a chart's single dataset, in the palette's colours. */
export function barEndMarks(palette: Palette, bars: readonly MarkedBar[], callout?: Callout): MarksOptions {
  return {
    ...markColors(palette),
    bars: bars.map((bar, index) => ({
      datasetIndex: 0,
      index,
      text: barEndText(bar.figure),
      floor: bar.figure.floor,
      tentative: bar.tentative ?? false,
      color: bar.color,
    })),
    ...(callout ? { callout } : {}),
  }
}

/** Draws a chart's callout (the jump arrow, the multiple) over its bars. */
export type CalloutDrawer = (chart: Chart<'bar'>, marks: MarksOptions, callout: Callout) => void

/** The in-chart marks plugin: end labels and floors on every bar, then the chart's own callout, if any. */
export function marksPlugin(drawCallout?: CalloutDrawer): Plugin<'bar', MarksOptions> {
  return {
    id: MARKS_PLUGIN_ID,
    afterDatasetsDraw(chart, _args, options) {
      const marks = marksOf(options)
      if (!marks)
        return
      drawBarMarks(chart, marks)
      if (marks.callout && drawCallout)
        drawCallout(chart, marks, marks.callout)
    },
  }
}
