// The deck's four bar charts as data, and one builder that turns them into Chart.js configs.
// Pure TypeScript (no Vue, no Slidev), so Vitest checks figures, hedges, axes and sizes in Node.
import type { Chart, ChartConfiguration, FontSpec, Plugin } from 'chart.js'
import type { DerivedKey } from './derived'
import type { Company, FactKey, FactTable } from './facts'
import type { Palette } from './palette'
import { FACTS, getFact } from './facts'
import { figureText, formatFact, STATUS_WORDS, statusPhrase } from './format'

export type ChartId = 'league' | 'jump' | 'priceRevenue' | 'amazonBets'

const COMPANY_NAME: Readonly<Record<Company, string>> = {
  openai: 'OpenAI',
  amazon: 'Amazon',
  microsoft: 'Microsoft',
  xai: 'xAI',
  anthropic: 'Anthropic',
}

interface BarSpec {
  readonly key: FactKey
  /** Category label; by default the name of the fact's company. */
  readonly category?: string
  /** Where the status wording ("in talks", "if the deal closes") goes: under the figure, or into the category. */
  readonly phraseIn?: 'label' | 'category'
}

export interface ChartSpec {
  /** Bars grow to the right (a ranking) instead of upwards (a before/after). */
  readonly horizontal: boolean
  /** Bars of this company take its colour; any other company's bar is a comparator (palette.other). */
  readonly subject: Company
  readonly bars: readonly BarSpec[]
  /** A derived ratio of the second bar over the first, written once between them, with an arrow. */
  readonly multiple?: DerivedKey
}

export const CHARTS: Readonly<Record<ChartId, ChartSpec>> = {
  league: { horizontal: true, subject: 'openai', bars: [
    { key: 'openAIValuation' },
    { key: 'xAIValuation' },
    { key: 'anthropicValuation' },
  ] },
  jump: { horizontal: false, subject: 'openai', multiple: 'valuationJump', bars: [
    { key: 'openAIValuationBefore', category: 'Months ago' },
    { key: 'openAIValuation', phraseIn: 'category' },
  ] },
  priceRevenue: { horizontal: false, subject: 'openai', multiple: 'revenueMultiple', bars: [
    { key: 'openAIRevenue', category: 'Revenue, annualized' },
    { key: 'openAIValuation', category: 'Valuation', phraseIn: 'category' },
  ] },
  amazonBets: { horizontal: false, subject: 'amazon', multiple: 'betOverAnthropic', bars: [
    { key: 'amazonInAnthropic', category: 'Anthropic' },
    { key: 'amazonInOpenAI', category: 'OpenAI' },
  ] },
}

/**
 * One checked bar, ready to draw. The styles are the deck's one language for uncertain figures
 *  (the sources slide's legend): solid is reported, a fade is a floor, a dashed outline hangs on the deal.
 */
export interface Bar {
  readonly key: FactKey
  readonly category: string
  readonly value: number
  /** The direct label at the bar's end: the figure with its hedge ("$500B+"), then any status ("in talks"). */
  readonly lines: readonly [string] | readonly [string, string]
  /** The same figure in words for the summary: "north of $500B, if the deal closes". */
  readonly spoken: string
  readonly company: Company
  /** The article gives a lower bound ("at least", "north of"): the bar fades out past its end. */
  readonly floor: boolean
  /** The figure depends on the deal (its status): a tint inside a dashed outline. */
  readonly dashed: boolean
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Reads every bar's figure from the fact table; a bad figure throws a FactError naming its field. */
export function chartBars(spec: ChartSpec, facts: FactTable = FACTS): Bar[] {
  return spec.bars.map((bar) => {
    const fact = getFact(bar.key, facts)
    const phrase = statusPhrase(fact)
    const figure = formatFact(fact, 'short', `facts.${bar.key}`)
    const inCategory = bar.phraseIn === 'category' && phrase
    const named = bar.category ?? (inCategory ? '' : COMPANY_NAME[fact.company])
    return {
      key: bar.key,
      category: inCategory ? capital(`${named} ${phrase}`.trim()) : named,
      value: fact.value,
      lines: phrase && !inCategory ? [figure, phrase] : [figure],
      spoken: formatFact(fact, 'long', `facts.${bar.key}`) + (phrase && !inCategory ? `, ${phrase}` : ''),
      company: fact.company,
      floor: fact.hedge === 'at least' || fact.hedge === 'north of',
      dashed: STATUS_WORDS[fact.status].dashed,
    }
  })
}

/** The canvas's aria-label: every figure with its hedge, in the order drawn. */
export function chartSummary(spec: ChartSpec, facts: FactTable = FACTS): string {
  const bars = chartBars(spec, facts).map(b => `${b.category}: ${b.spoken}`).join('; ')
  const multiple = spec.multiple
    ? ` The second is ${figureText(spec.multiple, 'short', facts)} the first (our arithmetic).`
    : ''
  return `Bar chart, billions of US dollars. ${bars}.${multiple}`
}

/** CSS px at the 980 px design width (×1.96 at 1920x1080: nothing under 28 px on screen). */
export const FONT_SIZE = { value: 20, note: 18, category: 18, multiple: 24 } as const
/** The value axis ends this far above the largest bar; a floor's fade-out fills most of it. */
export const HEADROOM = 1.15
const FLOOR_FADE = 0.12
const GAP = 8
const LINE_HEIGHT = 1.2

function font(size: number, weight: FontSpec['weight'] = 'normal'): FontSpec {
  return { family: 'Inter, system-ui, sans-serif', size, weight, style: 'normal', lineHeight: LINE_HEIGHT }
}
/** The direct label's two lines: the figure in bold, the note in regular weight. */
const LABEL_FONTS = [font(FONT_SIZE.value, 600), font(FONT_SIZE.note)] as const
const cssFont = (f: FontSpec) => `${f.weight} ${f.size}px ${f.family}`
/** #rrggbb at an opacity, as #rrggbbaa: a tint of a palette colour. */
const tint = (hex: string, alpha: number) => hex + Math.round(alpha * 255).toString(16).padStart(2, '0')

export type BarConfig = ChartConfiguration<'bar', number[], string>

export function chartConfig(id: ChartId, facts: FactTable, palette: Palette, opts: { animate: boolean }): BarConfig {
  const spec = CHARTS[id]
  const bars = chartBars(spec, facts)
  const multiple = spec.multiple ? figureText(spec.multiple, 'short', facts) : ''
  const colour = (b: Bar) => (b.company === spec.subject ? palette.company[b.company] : palette.other)
  const max = Math.max(...bars.map(b => b.value)) * HEADROOM
  const valueAxis = { display: false, min: 0, max, grid: { display: false } }
  const categoryAxis = {
    grid: { display: false },
    border: { color: palette.muted },
    ticks: { color: palette.text, font: font(FONT_SIZE.category), autoSkip: false, maxRotation: 0 },
  }
  return {
    type: 'bar',
    data: {
      labels: bars.map(b => b.category),
      datasets: [{
        data: bars.map(b => b.value),
        backgroundColor: bars.map(b => (b.dashed ? tint(colour(b), 0.25) : colour(b))),
        categoryPercentage: spec.horizontal ? 0.75 : 0.6,
      }],
    },
    options: {
      indexAxis: spec.horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: opts.animate ? { duration: 800, easing: 'easeOutQuart' } : false,
      events: [],
      // Room for the direct labels: beside the bars (measured) or above them.
      layout: {
        padding: ({ chart }) => spec.horizontal
          ? { right: labelWidth(chart.ctx, bars) + GAP * 2 }
          : { top: Math.max(...bars.map(b => b.lines.length)) * FONT_SIZE.value * LINE_HEIGHT + GAP * 2 },
      },
      scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
    },
    plugins: [marks(bars, spec, multiple, palette, colour)],
  }
}

/** The widest direct label, in canvas px. */
function labelWidth(ctx: CanvasRenderingContext2D, bars: readonly Bar[]): number {
  ctx.save()
  const widths = bars.flatMap(b => b.lines.map((line, i) => {
    ctx.font = cssFont(LABEL_FONTS[i]!)
    return ctx.measureText(line).width
  }))
  ctx.restore()
  return Math.ceil(Math.max(...widths))
}

interface Placed { readonly end: number, readonly mid: number, readonly half: number }

/** Draws what Chart.js cannot: a floor's fade-out, the deal's dashed outline, the direct labels, the multiple. */
function marks(
  bars: readonly Bar[],
  spec: ChartSpec,
  multiple: string,
  palette: Palette,
  colour: (b: Bar) => string,
): Plugin<'bar'> {
  return {
    id: 'deckMarks',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx } = chart
      const scale = chart.scales[spec.horizontal ? 'x' : 'y']!
      const largest = Math.max(...bars.map(b => b.value))
      const fade = Math.abs(scale.getPixelForValue(FLOOR_FADE * largest) - scale.getPixelForValue(0))
      // Positions along the bar and across it; `at` turns them into canvas x, y.
      const at = (along: number, across: number): [number, number] =>
        (spec.horizontal ? [along, across] : [across, along])
      const dir = spec.horizontal ? 1 : -1
      /** The canvas rectangle from a to b along the bar, `half` either side of its middle. */
      const box = (a: number, b: number, mid: number, half: number): [number, number, number, number] => {
        const [x0, y0] = at(Math.min(a, b), mid - half)
        const [x1, y1] = at(Math.max(a, b), mid + half)
        return [x0, y0, x1 - x0, y1 - y0]
      }
      const placed: Placed[] = []
      chart.getDatasetMeta(0).data.forEach((element, i) => {
        const bar = bars[i]!
        const keys = ['x', 'y', 'base', 'width', 'height'] as const
        const p = element.getProps([...keys]) as Record<(typeof keys)[number], number>
        const [end, mid, base] = spec.horizontal ? [p.x, p.y, p.base] : [p.y, p.x, p.base]
        const half = (spec.horizontal ? p.height : p.width) / 2
        ctx.save()
        if (bar.dashed) { // depends on the deal: dashed outline round the tinted bar
          ctx.setLineDash([7, 5])
          ctx.lineWidth = 2.5
          ctx.strokeStyle = colour(bar)
          ctx.strokeRect(...box(base, end, mid, half - 1.25))
        }
        let tip = end
        if (bar.floor) { // a lower bound: the bar fades out past its end, "could be higher"
          tip = end + dir * fade
          const gradient = ctx.createLinearGradient(...at(end, mid), ...at(tip, mid))
          gradient.addColorStop(0, tint(colour(bar), 0.6))
          gradient.addColorStop(1, tint(colour(bar), 0))
          ctx.fillStyle = gradient
          ctx.fillRect(...box(end, tip, mid, half))
        }
        drawLabel(ctx, bar.lines, tip + dir * GAP, mid, spec.horizontal, palette)
        ctx.restore()
        placed.push({ end, mid, half })
      })
      if (multiple && placed.length === 2 && !spec.horizontal) {
        ctx.save()
        drawMultiple(ctx, placed[0]!, placed[1]!, multiple, palette)
        ctx.restore()
      }
    },
  }
}

/** Writes a bar's label lines past its tip: beside a horizontal bar (centred on it), above an upright one. */
function drawLabel(
  ctx: CanvasRenderingContext2D,
  lines: readonly string[],
  from: number,
  mid: number,
  horizontal: boolean,
  palette: Palette,
) {
  const step = FONT_SIZE.value * LINE_HEIGHT
  ctx.fillStyle = palette.text
  ctx.textAlign = horizontal ? 'left' : 'center'
  ctx.textBaseline = 'middle'
  lines.forEach((line, i) => {
    ctx.font = cssFont(LABEL_FONTS[i]!)
    const offset = horizontal ? (i - (lines.length - 1) / 2) * step : (i - lines.length + 0.5) * step
    ctx.fillText(line, horizontal ? from : mid, horizontal ? mid + offset : from + offset)
  })
}

/** The ratio, once, in the gap between two upright bars, on an arrow from the first bar's height to the second's. */
function drawMultiple(ctx: CanvasRenderingContext2D, from: Placed, to: Placed, text: string, palette: Palette) {
  const x = (from.mid + from.half + to.mid - to.half) / 2
  const y = (from.end + to.end) / 2
  const clear = FONT_SIZE.multiple * 0.8 // the shaft breaks round the text
  ctx.strokeStyle = ctx.fillStyle = palette.muted
  ctx.lineWidth = 2.5
  const path = (points: [number, number][]) => {
    ctx.beginPath()
    points.forEach(([px, py], i) => (i ? ctx.lineTo(px, py) : ctx.moveTo(px, py)))
  }
  path([[x, from.end], [x, y + clear]])
  ctx.stroke()
  path([[x, y - clear], [x, to.end + 10]])
  ctx.stroke()
  path([[x - 8, to.end + 12], [x, to.end], [x + 8, to.end + 12]])
  ctx.fill()
  ctx.fillStyle = palette.text
  ctx.font = cssFont(font(FONT_SIZE.multiple, 700))
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(text, x, y)
}
