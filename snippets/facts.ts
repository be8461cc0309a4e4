// The one source of truth for every figure in the deck. Slides (<Fig k="…"/>), charts, the
// triangle, the sources slide, the presenter's sources list and the tests all read this table.
// Values are in billions of US dollars.

/** How the article hedges a figure. The hedge is part of the fact and travels with it. */
export type Hedge = 'at least' | 'north of' | 'around' | 'reported' | 'estimated' | 'none'

export type Company = 'openai' | 'amazon' | 'microsoft' | 'xai' | 'anthropic'

export interface Fact {
  /** What the figure is, in a few words: the sources slide and chart summaries use it. */
  readonly label: string
  /** The company a figure belongs to: a valuation's company, an investment's investor. */
  readonly company: Company
  /** Billions of US dollars. */
  readonly value: number
  readonly hedge: Hedge
  /** True while the figure depends on a deal that is only being discussed. */
  readonly inTalks: boolean
  /** The article's own words around the figure, verbatim, so the hedge can be checked. */
  readonly wording: string
  /** The article section the figure comes from. */
  readonly section: string
}

/** The analysis every figure comes from, and the report it cites. */
export const SOURCE = {
  analysis: 'One writer\'s news analysis of Amazon\'s talks to invest in OpenAI (its last section is the writer\'s opinion)',
  report: 'Bloomberg\'s report of the talks',
  short: 'Source: news analysis citing Bloomberg · figures as reported; ratios are our arithmetic',
} as const

const OPENING = 'Opening; The Deal That Changes Everything'
const DEAL = 'The Deal That Changes Everything'

const RAW_FACTS = {
  amazonInOpenAI: { label: 'Amazon investment in OpenAI', company: 'amazon', value: 10, hedge: 'at least', inTalks: true,
    wording: 'in talks to invest at least $10 billion', section: OPENING },
  openAIValuation: { label: 'OpenAI valuation if the deal closes', company: 'openai', value: 500, hedge: 'north of', inTalks: true,
    wording: 'If the deal closes, OpenAI would be valued north of $500 billion', section: OPENING },
  openAIValuationBefore: { label: 'OpenAI valuation months ago', company: 'openai', value: 150, hedge: 'none', inTalks: false,
    wording: 'valued at $150 billion just months ago', section: DEAL },
  xAIValuation: { label: 'xAI valuation', company: 'xai', value: 230, hedge: 'reported', inTalks: false,
    wording: 'xAI ($230 billion reported)', section: DEAL },
  anthropicValuation: { label: 'Anthropic valuation', company: 'anthropic', value: 183, hedge: 'none', inTalks: false,
    wording: 'Anthropic ($183 billion)', section: DEAL },
  microsoftInOpenAI: { label: 'Microsoft commitment to OpenAI', company: 'microsoft', value: 13, hedge: 'around', inTalks: false,
    wording: 'committed around $13 billion through Azure cloud credits and direct investment', section: DEAL },
  amazonInAnthropic: { label: 'Amazon investment in Anthropic', company: 'amazon', value: 4, hedge: 'none', inTalks: false,
    wording: 'They invested $4 billion in Anthropic', section: 'Why Amazon Actually Needs This' },
  openAIRevenue: { label: 'OpenAI annualized revenue', company: 'openai', value: 5, hedge: 'estimated', inTalks: false,
    wording: 'estimates put it around $5 billion annualized', section: 'The Valuation Question' },
} as const satisfies Record<string, Fact>

export type FactKey = keyof typeof RAW_FACTS
/** A table of facts with the deck's keys; tests pass altered copies. */
export type FactTable = { readonly [K in FactKey]: Fact }

export const FACT_KEYS = Object.keys(RAW_FACTS) as FactKey[]

/**
 * Test hook: a build with VITE_BAD_FIGURE=<key> breaks that one figure (its value becomes NaN),
 * so the browser tests can prove every place that shows it says so instead of going blank.
 */
function withBadFigure(table: FactTable, key: string | undefined): FactTable {
  if (!key || !isFactKey(key))
    return table
  return { ...table, [key]: { ...table[key], value: Number.NaN } }
}

export const FACTS: FactTable = withBadFigure(RAW_FACTS, import.meta.env?.VITE_BAD_FIGURE)

/** Thrown for any figure that is missing, not a number, or out of range. The message names the field. */
export class FactError extends Error {
  constructor(readonly field: string, problem: string) {
    super(`${field}: ${problem}`)
    this.name = 'FactError'
  }
}

/** A figure read, or why not: the field the error names (else `field`) and its message. */
export type Attempt<T> = { ok: true, value: T } | { ok: false, field: string, message: string }

/** Runs a figure lookup so the place that shows it can say what is wrong instead of going blank. */
export function attempt<T>(read: () => T, field = 'figure'): Attempt<T> {
  try {
    return { ok: true, value: read() }
  }
  catch (error) {
    return { ok: false, field: error instanceof FactError ? error.field : field, message: error instanceof Error ? error.message : String(error) }
  }
}

export function isFactKey(key: string): key is FactKey {
  return Object.prototype.hasOwnProperty.call(RAW_FACTS, key)
}

/** Looks a fact up and checks it, so a broken table fails loudly at the figure that is wrong. */
export function getFact(key: string, table: FactTable = FACTS): Fact {
  if (!isFactKey(key))
    throw new FactError(`facts.${key}`, `unknown figure; known figures are ${FACT_KEYS.join(', ')}`)
  const fact = table[key] as Fact | undefined
  if (!fact)
    throw new FactError(`facts.${key}`, 'missing from the fact table')
  checkAmount(`facts.${key}.value`, fact.value)
  return fact
}

/** A dollar amount must be a finite number above zero. */
export function checkAmount(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new FactError(field, `expected a finite number, got ${String(value)}`)
  if (value <= 0)
    throw new FactError(field, `must be greater than zero, got ${value}`)
  return value
}
