// Each chart's data for people who cannot see it: the table behind its "Data" button, a short source
// line, and a CSV written from the fact table (not from the drawn labels). Pure TypeScript: the bars
// come from charts.ts's chartBars, the figures from facts.ts.

import type { ChartId } from './charts'
import type { FactTable } from './facts'
import { chartBars, CHARTS } from './charts'
import { FACTS, getFact } from './facts'
import { figureText } from './format'

export interface ChartTable {
  readonly caption: string
  readonly head: readonly string[]
  /**
   * One row per bar, in the order drawn: category, figure as the slide shows it, value in billions of
   *  US dollars, the article's hedge.
   */
  readonly rows: readonly (readonly string[])[]
  /** The chart's short source line, under it; a ratio drawn on it is ours. */
  readonly source: string
  /** With the table: the article's sections its figures come from. */
  readonly sections: string
}

const HEAD = ['Bar', 'As shown', 'Value, $B', 'Hedge'] as const

export function chartTable(id: ChartId, facts: FactTable = FACTS): ChartTable {
  const spec = CHARTS[id]
  const bars = chartBars(spec, facts)
  const rows = bars.map((bar) => {
    const fact = getFact(bar.key, facts)
    return [bar.category, bar.lines.join(', '), String(fact.value), fact.hedge === 'none' ? 'none' : fact.hedge]
  })
  const sections = [...new Set(bars.map(bar => getFact(bar.key, facts).section.split('; ').at(-1)!))]
    .map(s => `“${s}”`)
  const ratio = spec.multiple ? `; ${figureText(spec.multiple, 'short', facts)} is our arithmetic` : ''
  return {
    caption: `The chart's data, billions of US dollars: ${bars.map(bar => bar.category).join(', ')}`,
    head: HEAD,
    rows,
    source: `Source: news analysis, figures as reported${ratio}`,
    sections: `From the analysis's section${sections.length > 1 ? 's' : ''} ${sections.join(' and ')}.`,
  }
}

const CSV_HEAD = ['chart', 'bar', 'fact', 'value_billion_usd', 'hedge', 'status', 'article_wording', 'article_section']
function csvField(value: string | number | boolean) {
  const text = String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The chart's figures as CSV (RFC 4180), one row per bar, straight from the fact table. */
export function chartCsv(id: ChartId, facts: FactTable = FACTS): string {
  const rows = chartBars(CHARTS[id], facts).map((bar) => {
    const fact = getFact(bar.key, facts)
    return [id, bar.category, bar.key, fact.value, fact.hedge, fact.status, fact.wording, fact.section]
  })
  return `${[CSV_HEAD, ...rows].map(row => row.map(csvField).join(',')).join('\r\n')}\r\n`
}

/** The CSV as a data: URL, so a download link works from the hosted deck, the one-file copy and file://. */
export function csvDataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`
}
