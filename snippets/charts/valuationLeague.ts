// Chart 1 — the valuation league: OpenAI (north of $500B if the deal closes) against xAI ($230B,
// reported) and Anthropic ($183B). OpenAI's figure is a floor, so its bar carries a hatched extension
// with an arrow and the label "$500B+ (floor)".
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
  readMultiple,
  summarize,
  wrapWords,
} from './common'

export const VALUATION_LEAGUE_TITLE = 'Valuation league'

/** The companies in the league; their order on the chart follows the figures (largest first). */
export const LEAGUE_KEYS = [
  ['openAIValuation', 'openai'],
  ['xAIValuation', 'xai'],
  ['anthropicValuation', 'anthropic'],
] as const satisfies readonly (readonly [FactKey, Company])[]

export interface LeagueRow {
  readonly figure: Figure
  readonly company: Company
  /** "OpenAI", from the fact label "OpenAI valuation if the deal closes". */
  readonly name: string
  /** "if the deal closes", or "" when the label says nothing more than the company. */
  readonly note: string
  /** Category label lines: ["OpenAI", "if the deal closes"]. */
  readonly lines: string[]
}

/** "OpenAI valuation if the deal closes" → name "OpenAI", note "if the deal closes". */
export function splitValuationLabel(label: string): { name: string, note: string } {
  const at = label.indexOf(' valuation')
  if (at <= 0)
    return { name: label, note: '' }
  return { name: label.slice(0, at), note: label.slice(at + ' valuation'.length).trim() }
}

/** The league's rows, checked, largest valuation first. */
export function valuationLeagueRows(facts: FactTable = FACTS): LeagueRow[] {
  return LEAGUE_KEYS
    .map(([key, company]) => {
      const figure = readFigure(facts, key)
      const { name, note } = splitValuationLabel(figure.fact.label)
      return { figure, company, name, note, lines: [name, ...wrapWords(note, 12)] }
    })
    .sort((a, b) => b.figure.fact.value - a.figure.fact.value)
}

/** Draws the end labels and the floor extension of OpenAI's bar. */
export const valuationLeagueMarks = marksPlugin()

export function valuationLeagueConfig(facts: FactTable, palette: Palette, opts: BuildOptions): BarConfig {
  const rows = valuationLeagueRows(facts)
  const colors = rows.map(r => palette.company[r.company])
  const data = checkBarData('valuationLeague', {
    labels: rows.map(r => r.lines),
    datasets: [{
      label: VALUATION_LEAGUE_TITLE,
      data: rows.map(r => r.figure.fact.value),
      backgroundColor: colors,
      borderRadius: 4,
      barPercentage: 0.78,
      categoryPercentage: 0.9,
      maxBarThickness: 58,
    }],
  })
  const marks = barEndMarks(palette, rows.map(r => ({ figure: r.figure, color: palette.company[r.company] })))
  return {
    type: 'bar',
    data,
    options: baseOptions({
      palette,
      opts,
      horizontal: true,
      headroom: 1.4,
      figures: rows.map(r => r.figure),
      titles: rows.map(r => r.name),
      marks,
    }),
    plugins: [valuationLeagueMarks],
  }
}

export function valuationLeagueText(facts: FactTable = FACTS): ChartText {
  const rows = valuationLeagueRows(facts)
  const xAI = readMultiple(facts, 'leadOverXAI')
  const anthropic = readMultiple(facts, 'leadOverAnthropic')
  const name = (key: FactKey) => splitValuationLabel(readFigure(facts, key).fact.label).name
  const lead = {
    label: `${name('openAIValuation')}'s lead`,
    value: `${xAI.text} ${name('xAIValuation')}, ${anthropic.text} ${name('anthropicValuation')}`,
  }
  // the caption is compact ("OpenAI if the deal closes"); the summary keeps the full fact labels
  const caption = [...rows.map(r => captionRow(r.figure, r.note ? `${r.name} ${r.note}` : r.name)), lead]
  const summary = summarize(VALUATION_LEAGUE_TITLE, [...rows.map(r => captionRow(r.figure)), lead])
  return { title: VALUATION_LEAGUE_TITLE, summary, caption }
}

export const valuationLeague: ChartDefinition = {
  id: 'valuation-league',
  config: valuationLeagueConfig,
  text: valuationLeagueText,
}
