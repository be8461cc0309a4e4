// Each chart's data table, source line and CSV (snippets/chart-data.ts) against the fact table.

import type { ChartId } from '../../snippets/charts'
import type { FactTable } from '../../snippets/facts'
import { describe, expect, it } from 'vitest'
import { chartCsv, chartTable, csvDataUrl } from '../../snippets/chart-data'
import { chartBars, CHARTS } from '../../snippets/charts'
import { FACTS } from '../../snippets/facts'
import { figureText } from '../../snippets/format'

const IDS = Object.keys(CHARTS) as ChartId[]

describe('a chart\'s data table', () => {
  it.each(IDS)('%s: one row per bar, value and hedge from the facts, a caption and a source line', (id) => {
    const table = chartTable(id)
    const bars = chartBars(CHARTS[id])
    expect(table.head).toHaveLength(4)
    expect(table.caption).toMatch(/data/)
    expect(table.rows.map(r => [r[0], Number(r[2]), r[3]])).toEqual(bars.map(b => [b.category, FACTS[b.key].value, FACTS[b.key].hedge]))
    expect(table.source).toMatch(/^Source: news analysis, figures as reported/)
    expect(table.sections).toContain(FACTS[bars[0]!.key].section.split('; ').at(-1))
  })

  it('says a ratio drawn on the chart is our arithmetic', () => {
    expect(chartTable('jump').source).toContain(`; ${figureText('valuationJump', 'short')} is our arithmetic`)
    expect(chartTable('league').source).not.toMatch(/arithmetic/)
  })

  it('fails on a broken figure, naming the field', () => {
    const broken: FactTable = { ...FACTS, openAIRevenue: { ...FACTS.openAIRevenue, value: Number.NaN } }
    expect(() => chartTable('priceRevenue', broken)).toThrow(/facts\.openAIRevenue\.value/)
    expect(() => chartCsv('priceRevenue', broken)).toThrow(/facts\.openAIRevenue\.value/)
  })
})

describe('a chart\'s CSV', () => {
  it('has a header and one row per bar, written from the facts, quoted where needed', () => {
    const lines = chartCsv('priceRevenue').split('\r\n')
    expect(lines[0]).toBe('chart,bar,fact,value_billion_usd,hedge,status,article_wording,article_section')
    expect(lines[2]).toBe(`priceRevenue,Valuation if the deal closes,openAIValuation,500,north of,in talks,"${FACTS.openAIValuation.wording.replace(/"/g, '""')}",${FACTS.openAIValuation.section}`)
    expect(lines[1]).toMatch(/^priceRevenue,"Revenue, annualized",openAIRevenue,5,estimated,estimated,/)
    expect(lines.at(-1)).toBe('')
  })

  it('round-trips through its data: URL', () => {
    const csv = chartCsv('league')
    const url = csvDataUrl(csv)
    expect(url).toMatch(/^data:text\/csv;charset=utf-8,/)
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(csv)
  })
})
