// `npm run facts:impact` on a temporary copy of the deck whose facts were changed as an editor would:
// the Amazon stake's deal closed, OpenAI's valuation moved to 600. The tool lists what to reword;
// what the deck renders from the facts has followed by itself, with no stale wording left in it.

import type * as Charts from '../../snippets/charts'
import type * as Sources from '../../snippets/sources'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createJiti } from 'jiti'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describe as describeImpact, factImpact } from '../../scripts/facts-impact.mjs'
import { slideFigures, slides } from '../deck-source'

const ROOT = path.resolve(import.meta.dirname, '../..')
const COPY = mkdtempSync(path.join(tmpdir(), 'facts-impact-'))
for (const item of ['slides.md', 'package.json', 'snippets'])
  cpSync(path.join(ROOT, item), path.join(COPY, item), { recursive: true })
const factsFile = path.join(COPY, 'snippets', 'facts.ts')
const edited = readFileSync(factsFile, 'utf8')
  .replace(/(amazonInOpenAI: \{[^}]*?status: )'in talks'/, '$1\'closed\'')
  .replace(/(openAIValuation: \{[^}]*?value: )500/, '$1600')
writeFileSync(factsFile, edited)
/** Loading TypeScript through jiti takes seconds on a busy machine: load once, with room to spare. */
const SLOW = 120_000
let closed: Awaited<ReturnType<typeof factImpact>>
let moved: Awaited<ReturnType<typeof factImpact>>
beforeAll(async () => {
  closed = await factImpact('amazonInOpenAI', COPY)
  moved = await factImpact('openAIValuation', COPY)
}, SLOW)
afterAll(() => rmSync(COPY, { recursive: true, force: true }))

/** Slides whose `figures:` name the key or a ratio built on it, as listed in this repository. */
const using = (...keys: string[]) => slides.flatMap((_, i) => slideFigures(i).some(k => keys.includes(k)) ? [i + 1] : [])

describe('facts:impact on a changed copy', () => {
  it('made the change it meant to', () => {
    expect(edited).toMatch(/amazonInOpenAI: \{[^}]*status: 'closed'/)
    expect(edited).toMatch(/openAIValuation: \{[^}]*value: 600/)
  })

  it('lists where the closed deal reaches, and the deal wording now stale in titles and notes', () => {
    const r = closed
    expect(r.status).toBe('closed')
    expect(r.slides.map((s: { slide: number }) => s.slide)).toEqual(using('amazonInOpenAI', 'betOverAnthropic'))
    expect(r.charts).toEqual(['amazonBets'])
    const staleNotes = r.notes.filter((n: { statusWording: string[] }) => n.statusWording.length).map((n: { slide: number }) => n.slide)
    expect(staleNotes).toEqual(expect.arrayContaining([1, 2, 6, 8, 16]))
    expect(r.sources).toContain(`slide ${using('betOverAnthropic').at(-1)}, sources row #fact-betOverAnthropic`)
    expect(r.exports).toHaveLength(8)
    expect(r.exports).toEqual(expect.arrayContaining(['exports/amazon-openai-briefing-short.pdf', 'exports/amazon-openai-briefing-summary.pdf']))
    expect(describeImpact(r)).toMatch(/status wording to check: .*In talks|status wording: .*negotiating/i)
  })

  it('lists the notes that still say the old valuation, naming the slide', () => {
    const r = moved
    expect(r.charts).toEqual(['league', 'jump', 'priceRevenue'])
    const stale = r.notes.filter((n: { matchesNoFact: string[] }) => n.matchesNoFact.includes('$500 billion')).map((n: { slide: number }) => n.slide)
    expect(stale).toEqual(expect.arrayContaining([2, 4, 5, 13]))
    expect(describeImpact(r)).toContain('slide 2: matches no fact: $500 billion')
  })

  it('leaves no stale wording in what the deck renders from the facts', async () => {
    const jiti = createJiti(import.meta.url, { moduleCache: false })
    const sources = await jiti.import<typeof Sources>(path.join(COPY, 'snippets', 'sources.ts'))
    const charts = await jiti.import<typeof Charts>(path.join(COPY, 'snippets', 'charts.ts'))
    const facts = (await jiti.import<typeof import('../../snippets/facts')>(path.join(COPY, 'snippets', 'facts.ts'))).FACTS
    const figures = sources.resolveAll(facts)
    const rendered = [...figures.values()].map((read) => {
      expect(read.ok).toBe(true)
      const f = read.ok ? read.value : undefined
      return [f?.text, f?.long, f?.summary, f?.phrase, f?.source.label, f?.source.status].join(' | ')
    })
    rendered.push(...(Object.keys(charts.CHARTS) as Charts.ChartId[]).map(id => charts.chartSummary(charts.CHARTS[id], facts)))
    expect(rendered.join('\n')).not.toMatch(/\$500B|3\.3x|~100x/)
    const amazon = figures.get('amazonInOpenAI')
    expect(amazon?.ok && amazon.value).toMatchObject({ text: '$10B+', phrase: 'agreed', dashed: false })
    expect(rendered.filter(line => line.includes('$10B'))).not.toEqual([])
    expect(rendered.filter(line => line.includes('$10B')).join('\n')).not.toMatch(/in talks|if the deal closes/)
    expect(figures.get('revenueMultiple')).toMatchObject({ ok: true, value: { text: '~120x' } })
  }, SLOW)
  afterAll(() => rmSync(COPY, { recursive: true, force: true }))

  it('names an unknown key', async () => {
    await expect(factImpact('metaValuation', COPY)).rejects.toThrow(/"metaValuation" is neither a fact nor a derived figure/)
  }, SLOW)
  afterAll(() => rmSync(COPY, { recursive: true, force: true }))
})
