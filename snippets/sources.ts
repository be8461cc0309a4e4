// The presenter's sources list for one slide: each key in its `figures:` frontmatter with the
// figure, its hedge and the article's wording. A bad entry becomes a row that names the field,
// so the presenter sees what is wrong instead of an empty list.
import type { FigureSource } from './format'
import { figureSource } from './format'
import type { FactTable } from './facts'
import { attempt, FACTS } from './facts'

export type SourceRow =
  | { ok: true, source: FigureSource }
  | { ok: false, field: string, message: string }

/** One figure's row, or the error that names its field (prefixed with where the key came from). */
export function sourceRow(key: string, table: FactTable = FACTS, field = key): SourceRow {
  const read = attempt(() => figureSource(key, table))
  if (read.ok)
    return { ok: true, source: read.value }
  return { ok: false, field, message: field === key ? read.message : `${field}: ${read.message}` }
}

export function slideSources(figures: unknown, table: FactTable = FACTS): SourceRow[] {
  if (figures === undefined)
    return []
  if (!Array.isArray(figures))
    return [{ ok: false, field: 'figures', message: `figures must be a list of figure keys, got ${JSON.stringify(figures)}` }]
  return figures.map((key: unknown, index) => {
    const field = `figures[${index}]`
    if (typeof key !== 'string')
      return { ok: false, field, message: `${field} must be a figure key, got ${JSON.stringify(key)}` }
    return sourceRow(key, table, field)
  })
}
