// The one source of truth for every figure in the deck.
// Slide text (<Fig k="…"/>), chart labels, tooltips and the tests all read this table,
// so correcting a figure here corrects it everywhere. Values are in billions of US dollars.

/** How the article hedges a figure. The hedge is part of the fact and travels with it. */
export type Qualifier = 'at least' | 'north of' | 'around' | 'reported' | 'estimated' | 'none'

export interface Fact {
  /** What the figure is, in a few words (used in chart labels and the sources slide). */
  readonly label: string
  /** Billions of US dollars. */
  readonly value: number
  readonly qualifier: Qualifier
  /** Where in the article the figure comes from. */
  readonly source: string
  /** The article's own hedge around the figure, kept verbatim so the qualifier can be checked. */
  readonly wording: string
}

const ARTICLE = 'Article: "Amazon in talks to invest in OpenAI"'

export const FACTS = {
  amazonInOpenAI: {
    label: 'Amazon into OpenAI (in talks)',
    value: 10,
    qualifier: 'at least',
    source: `${ARTICLE}, opening and "The Deal That Changes Everything"`,
    wording: 'at least $10 billion',
  },
  openAIValuation: {
    label: 'OpenAI valuation if the deal closes',
    value: 500,
    qualifier: 'north of',
    source: `${ARTICLE}, opening and "The Deal That Changes Everything"`,
    wording: 'north of $500 billion',
  },
  openAIValuationBefore: {
    label: 'OpenAI valuation months ago',
    value: 150,
    qualifier: 'none',
    source: `${ARTICLE}, "The Deal That Changes Everything"`,
    wording: '$150 billion just months ago',
  },
  xAIValuation: {
    label: 'xAI valuation',
    value: 230,
    qualifier: 'reported',
    source: `${ARTICLE}, "The Deal That Changes Everything"`,
    wording: '$230 billion reported',
  },
  anthropicValuation: {
    label: 'Anthropic valuation',
    value: 183,
    qualifier: 'none',
    source: `${ARTICLE}, "The Deal That Changes Everything"`,
    wording: '$183 billion',
  },
  microsoftInOpenAI: {
    label: 'Microsoft into OpenAI (Azure credits + direct investment)',
    value: 13,
    qualifier: 'around',
    source: `${ARTICLE}, "The Deal That Changes Everything"`,
    wording: 'around $13 billion through Azure cloud credits and direct investment',
  },
  amazonInAnthropic: {
    label: 'Amazon into Anthropic',
    value: 4,
    qualifier: 'none',
    source: `${ARTICLE}, "Why Amazon Actually Needs This"`,
    wording: '$4 billion',
  },
  openAIRevenue: {
    label: 'OpenAI annualized revenue',
    value: 5,
    qualifier: 'estimated',
    source: `${ARTICLE}, "The Valuation Question"`,
    wording: 'estimates put it around $5 billion annualized',
  },
} as const satisfies Record<string, Fact>

export type FactKey = keyof typeof FACTS
/** A table of facts with the deck's keys; tests and fixtures pass altered copies. */
export type FactTable = { readonly [K in FactKey]: Fact }

export const FACT_KEYS = Object.keys(FACTS) as FactKey[]

/** Thrown for any figure that is missing, not a number, or out of range. The message names the field. */
export class FactError extends Error {
  constructor(readonly field: string, problem: string) {
    super(`${field}: ${problem}`)
    this.name = 'FactError'
  }
}

export function isFactKey(key: string): key is FactKey {
  return Object.prototype.hasOwnProperty.call(FACTS, key)
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
  if (typeof value !== 'number' || Number.isNaN(value))
    throw new FactError(field, `expected a number, got ${describe(value)}`)
  if (!Number.isFinite(value))
    throw new FactError(field, `expected a finite number, got ${value}`)
  if (value < 0)
    throw new FactError(field, `must not be negative, got ${value}`)
  if (value === 0)
    throw new FactError(field, 'must be greater than zero, got 0')
  return value
}

function describe(value: unknown): string {
  if (value === undefined)
    return 'nothing (undefined)'
  if (typeof value === 'number')
    return String(value)
  return `${typeof value} ${JSON.stringify(value)}`
}
