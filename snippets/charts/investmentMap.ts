// Chart 4 — who pays whom: around $13B from Microsoft into OpenAI (Azure credits + direct investment),
// at least $10B from Amazon into OpenAI (in talks), $4B from Amazon into Anthropic. Bars take the
// investor's colour; a deal still in talks is striped with a dashed outline, and a floor gets an arrow.
import { FACTS, type FactKey, type FactTable } from '../facts'
import type { Company, Palette } from '../palette'
import {
  type BarConfig,
  barEndMarks,
  baseOptions,
  type BuildOptions,
  captionRow,
  type ChartDefinition,
  type ChartText,
  checkBarData,
  type Figure,
  marksPlugin,
  readFigure,
  splitNote,
  summarize,
  withAlpha,
} from './common'

export const INVESTMENT_MAP_TITLE = 'Who pays whom'

/** Each flow and the investor whose colour it takes; the order groups flows into OpenAI first. */
export const INVESTMENT_KEYS = [
  ['microsoftInOpenAI', 'microsoft'],
  ['amazonInOpenAI', 'amazon'],
  ['amazonInAnthropic', 'amazon'],
] as const satisfies readonly (readonly [FactKey, Company])[]

/** Notes short enough to sit under the flow's name on the axis; longer ones go to tooltip and caption. */
const AXIS_NOTE_MAX = 16

export interface InvestmentRow {
  readonly figure: Figure
  readonly investor: Company
  /** "Amazon → OpenAI", from "Amazon into OpenAI (in talks)". */
  readonly flow: string
  /** "in talks", "Azure credits + direct investment", or "". */
  readonly note: string
  /** The label says the deal is still being negotiated. */
  readonly tentative: boolean
  readonly lines: string[]
}

export function investmentRows(facts: FactTable = FACTS): InvestmentRow[] {
  return INVESTMENT_KEYS.map(([key, investor]) => {
    const figure = readFigure(facts, key)
    const { main, note } = splitNote(figure.fact.label)
    const flow = main.replace(/\s+into\s+/i, ' → ')
    const tentative = /\bin talks\b/i.test(figure.fact.label)
    const lines = note && note.length <= AXIS_NOTE_MAX ? [flow, `(${note})`] : [flow]
    return { figure, investor, flow, note, tentative, lines }
  })
}

export const investmentMapMarks = marksPlugin()

export function investmentMapConfig(facts: FactTable, palette: Palette, opts: BuildOptions): BarConfig {
  const rows = investmentRows(facts)
  const colors = rows.map(r => palette.company[r.investor])
  const data = checkBarData('investmentMap', {
    labels: rows.map(r => r.lines),
    datasets: [{
      label: INVESTMENT_MAP_TITLE,
      data: rows.map(r => r.figure.fact.value),
      // a deal in talks is a pale bar; the plugin adds stripes and a dashed outline
      backgroundColor: rows.map((r, i) => (r.tentative ? withAlpha(colors[i] ?? palette.muted, 0.22) : colors[i] ?? palette.muted)),
      borderRadius: 4,
      barPercentage: 0.78,
      categoryPercentage: 0.9,
      maxBarThickness: 54,
    }],
  })
  const marks = barEndMarks(palette, rows.map(r => ({ figure: r.figure, color: palette.company[r.investor], tentative: r.tentative })))
  return {
    type: 'bar',
    data,
    options: baseOptions({
      palette,
      opts,
      horizontal: true,
      headroom: 1.45,
      figures: rows.map(r => r.figure),
      titles: rows.map(r => (r.note ? `${r.flow} (${r.note})` : r.flow)),
      marks,
    }),
    plugins: [investmentMapMarks],
  }
}

export function investmentMapText(facts: FactTable = FACTS): ChartText {
  const rows = investmentRows(facts)
  const caption = rows.map(r => captionRow(r.figure, r.note ? `${r.flow} (${r.note})` : r.flow))
  const summary = summarize(INVESTMENT_MAP_TITLE, rows.map(r => captionRow(r.figure)))
  return { title: INVESTMENT_MAP_TITLE, summary, caption }
}

export const investmentMap: ChartDefinition = {
  id: 'investment-map',
  config: investmentMapConfig,
  text: investmentMapText,
}
