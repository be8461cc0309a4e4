// The one source of truth for every figure in the deck. Slides (<Fig k="…"/>), charts, the
// triangle, the sources slide, the presenter's sources list and the tests all read this table
// (through snippets/table.ts, which resolves each figure once). Values are in billions of US dollars.

/** How the article hedges a figure. The hedge is part of the fact and travels with it. */
export type Hedge = 'at least' | 'north of' | 'around' | 'reported' | 'estimated' | 'none'

/** Where the figure stands: a reported fact, part of a deal still in talks, an estimate, a closed deal. */
export type Status = 'reported' | 'in talks' | 'estimated' | 'closed'
const STATUSES: readonly Status[] = ['reported', 'in talks', 'estimated', 'closed']

export type Company = 'openai' | 'amazon' | 'microsoft' | 'xai' | 'anthropic'

export interface Fact {
  /** What the figure is, in a few words, without its deal status: "OpenAI valuation". */
  readonly label: string
  /** The company a figure belongs to: a valuation's company, an investment's investor. */
  readonly company: Company
  /** Billions of US dollars. */
  readonly value: number
  readonly hedge: Hedge
  readonly status: Status
  /** How a deal figure names its status: a tag ("in talks") or a condition ("if the deal closes"). */
  readonly phrase?: 'tag' | 'condition'
  /** The day the figure was last checked against the source, YYYY-MM-DD. */
  readonly checked: string
  /** The article's own words around the figure, verbatim, so the hedge can be checked. */
  readonly wording: string
  /** The article section(s) the figure comes from; each one contains it. */
  readonly section: string
}

/** The deck's edition: bump the version with every correction. "Figures as of" is the oldest check. */
export const EDITION = { version: '1.1' } as const

/** The analysis every figure comes from, and the report it cites. The article carries no date. */
export const SOURCE = {
  analysis: 'one writer\'s undated news analysis (its last section is the writer\'s opinion)',
  report: 'Bloomberg\'s report of the talks',
  short: 'Source: undated analysis citing Bloomberg · ratios: our arithmetic',
} as const

const CHECKED = '2026-11-27'
const DEAL = 'The Deal That Changes Everything'

/* eslint-disable style/max-len -- data: one fact a line */
const RAW_FACTS = {
  amazonInOpenAI: { label: 'Amazon investment in OpenAI', company: 'amazon', value: 10, hedge: 'at least', status: 'in talks', checked: CHECKED, wording: 'in talks to invest at least $10 billion', section: 'Opening' },
  openAIValuation: { label: 'OpenAI valuation', company: 'openai', value: 500, hedge: 'north of', status: 'in talks', phrase: 'condition', checked: CHECKED, wording: 'If the deal closes, OpenAI would be valued north of $500 billion', section: `Opening; ${DEAL}` },
  openAIValuationBefore: { label: 'OpenAI valuation months ago', company: 'openai', value: 150, hedge: 'none', status: 'reported', checked: CHECKED, wording: 'valued at $150 billion just months ago', section: DEAL },
  xAIValuation: { label: 'xAI valuation', company: 'xai', value: 230, hedge: 'reported', status: 'reported', checked: CHECKED, wording: 'xAI ($230 billion reported)', section: DEAL },
  anthropicValuation: { label: 'Anthropic valuation', company: 'anthropic', value: 183, hedge: 'none', status: 'reported', checked: CHECKED, wording: 'Anthropic ($183 billion)', section: DEAL },
  microsoftInOpenAI: { label: 'Microsoft commitment to OpenAI', company: 'microsoft', value: 13, hedge: 'around', status: 'reported', checked: CHECKED, section: DEAL, wording: 'committed around $13 billion through Azure cloud credits and direct investment' },
  amazonInAnthropic: { label: 'Amazon investment in Anthropic', company: 'amazon', value: 4, hedge: 'none', status: 'reported', checked: CHECKED, wording: 'They invested $4 billion in Anthropic', section: 'Why Amazon Actually Needs This' },
  openAIRevenue: { label: 'OpenAI annualized revenue', company: 'openai', value: 5, hedge: 'estimated', status: 'estimated', checked: CHECKED, wording: 'estimates put it around $5 billion annualized', section: 'The Valuation Question' },
} as const satisfies Record<string, Fact>
/* eslint-enable style/max-len */

export type FactKey = keyof typeof RAW_FACTS
/** A table of facts with the deck's keys; tests pass altered copies. */
export type FactTable = { readonly [K in FactKey]: Fact }

export const FACTS: FactTable = RAW_FACTS
export const FACT_KEYS = Object.keys(RAW_FACTS) as FactKey[]

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
    const named = error instanceof FactError ? error.field : field
    return { ok: false, field: named, message: error instanceof Error ? error.message : String(error) }
  }
}

export function isFactKey(key: string): key is FactKey {
  return Object.hasOwn(RAW_FACTS, key)
}

/** Looks a fact up and checks it, so a broken table fails loudly at the figure that is wrong. */
export function getFact(key: string, table: FactTable = FACTS): Fact {
  if (!isFactKey(key))
    throw new FactError(`facts.${key}`, `unknown figure; known figures are ${FACT_KEYS.join(', ')}`)
  const fact = table[key] as Fact | undefined
  if (!fact)
    throw new FactError(`facts.${key}`, 'missing from the fact table')
  checkAmount(`facts.${key}.value`, fact.value)
  checkRecord(key, fact)
  return fact
}

/** A fact's status must be a known one and its check date a real YYYY-MM-DD day. */
function checkRecord(key: string, fact: Fact): void {
  if (!STATUSES.includes(fact.status)) {
    const use = STATUSES.join(', ')
    throw new FactError(`facts.${key}.status`, `unknown status ${JSON.stringify(fact.status)}; use ${use}`)
  }
  const day = /^\d{4}-\d{2}-\d{2}$/.test(String(fact.checked)) ? new Date(`${fact.checked}T00:00:00Z`) : undefined
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== fact.checked)
    throw new FactError(`facts.${key}.checked`, `expected a date as YYYY-MM-DD, got ${JSON.stringify(fact.checked)}`)
}

/** Checks every fact's status and date; the build runs it (setup/preparser.ts), so a bad one stops it. */
export function checkRecords(table: FactTable = FACTS): void {
  for (const key of FACT_KEYS)
    checkRecord(key, table[key])
}

/** The day the figures are as of: the oldest check among them. */
export function figuresAsOf(table: FactTable = FACTS): string {
  checkRecords(table)
  return FACT_KEYS.map(k => table[k].checked).sort()[0]!
}

// eslint-disable-next-line style/max-len -- data
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** 2026-11-27 → "27 November 2026" (short: "27 Nov 2026"), the same on every machine. */
export function formatDay(iso: string, short = false): string {
  const [y, m, d] = iso.split('-').map(Number)
  const month = MONTHS[m! - 1]!
  return `${d} ${short ? month.slice(0, 3) : month} ${y}`
}

/**
 * "Figures as of 27 November 2026 · v1.1": the cover, the sources slide and the exports' properties;
 *  the footer has the short form, "figures as of 27 Nov 2026 · v1.1".
 */
export function editionLine(form: 'long' | 'short' = 'long', table: FactTable = FACTS): string {
  const day = formatDay(figuresAsOf(table), form === 'short')
  return `${form === 'short' ? 'figures' : 'Figures'} as of ${day} · v${EDITION.version}`
}

/** Whole days from a YYYY-MM-DD day to `now`. */
function daysSince(iso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000)
}

/** The presenter's "figures checked 12 days ago", stale past `limit` days (headmatter `figuresMaxAge`). */
export function figuresAge(now: Date, limit: unknown, table: FactTable = FACTS): { text: string, stale: boolean } {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)
    throw new FactError('headmatter figuresMaxAge', `expected a whole number of days, got ${JSON.stringify(limit)}`)
  const days = daysSince(figuresAsOf(table), now)
  const text = days <= 0 ? 'figures checked today' : `figures checked ${days} day${days === 1 ? '' : 's'} ago`
  return days > limit
    ? { text: `⚠ ${text}: re-check them (limit ${limit} days)`, stale: true }
    : { text, stale: false }
}

/** A dollar amount must be a finite number above zero. */
export function checkAmount(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new FactError(field, `expected a finite number, got ${String(value)}`)
  if (value <= 0)
    throw new FactError(field, `must be greater than zero, got ${value}`)
  return value
}
