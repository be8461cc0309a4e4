// Each figure resolved once, at load: its display text, long form, summary, source row and status,
// or the error that names the field. Fig, the charts' slides, the triangle, the sources slide and the
// presenter's sources list all read this table. A bad entry becomes a row that names the field.

import type { FactTable } from './facts'
import type { FigureSource } from './format'
import { DERIVATIONS } from './derived'
import { attempt, FACT_KEYS, FACTS, getFact, isFactKey } from './facts'
import { figureSource, figureText, STATUS_WORDS, statusPhrase } from './format'

interface Resolved {
  readonly text: string // "$500B+"
  readonly long: string // "north of $500B"
  readonly summary: string // "north of $500B, if the deal closes": said in full, status included
  readonly phrase: string // the deal wording its status gives ("if the deal closes"), or ''
  readonly dashed: boolean // drawn with a dashed outline: it depends on the deal
  readonly source: FigureSource
}

export type SourceRow = { ok: true, source: FigureSource } | { ok: false, field: string, message: string }
export type Figures = ReadonlyMap<string, ReturnType<typeof attempt<Resolved>>>

function resolve(key: string, table: FactTable): Resolved {
  const source = figureSource(key, table)
  const fact = isFactKey(key) ? getFact(key, table) : undefined
  const long = figureText(key, 'long', table)
  const phrase = fact ? statusPhrase(fact) : ''
  const dashed = fact ? STATUS_WORDS[fact.status].dashed : false
  return { text: source.text, long, summary: phrase ? `${long}, ${phrase}` : long, phrase, dashed, source }
}

/** Resolves every fact and ratio of a table once. */
export function resolveAll(table: FactTable): Figures {
  return new Map([...FACT_KEYS, ...Object.keys(DERIVATIONS)].map(key => [key, attempt(() => resolve(key, table))]))
}

const FIGURES: Figures = resolveAll(FACTS)

/** A figure of the table, or the error that names it (an unknown key included). */
export function lookup(key: string, figures: Figures = FIGURES): ReturnType<typeof attempt<Resolved>> {
  return figures.get(key) ?? attempt(() => resolve(key, FACTS))
}

/** One figure's row, or the error that names its field (prefixed with where the key came from). */
export function sourceRow(key: string, figures: Figures = FIGURES, field = key): SourceRow {
  const read = lookup(key, figures)
  if (read.ok)
    return { ok: true, source: read.value.source }
  return { ok: false, field, message: field === key ? read.message : `${field}: ${read.message}` }
}

export function slideSources(figures: unknown, table: Figures = FIGURES): SourceRow[] {
  if (figures === undefined)
    return []
  if (!Array.isArray(figures)) {
    const message = `figures must be a list of figure keys, got ${JSON.stringify(figures)}`
    return [{ ok: false, field: 'figures', message }]
  }
  return figures.map((key: unknown, index) => {
    const field = `figures[${index}]`
    if (typeof key !== 'string')
      return { ok: false, field, message: `${field} must be a figure key, got ${JSON.stringify(key)}` }
    return sourceRow(key, table, field)
  })
}
