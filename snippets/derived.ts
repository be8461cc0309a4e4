// Every derived figure on a slide or in a note is computed here from the article's figures.

import type { FactKey, FactTable } from './facts'
import { FACTS, getFact } from './facts'

// #region method
/** a ÷ b from the fact table; a zero, NaN or negative input throws, naming it. */
export function ratio(top: FactKey, bottom: FactKey, table: FactTable = FACTS): number {
  return getFact(top, table).value / getFact(bottom, table).value
}

// OpenAI's new valuation over its earlier one, its revenue, its two nearest rivals;
// Amazon's OpenAI stake over its Anthropic one
export const DERIVATIONS = {
  valuationJump: ['openAIValuation', 'openAIValuationBefore'],
  revenueMultiple: ['openAIValuation', 'openAIRevenue'],
  leadOverXAI: ['openAIValuation', 'xAIValuation'],
  leadOverAnthropic: ['openAIValuation', 'anthropicValuation'],
  betOverAnthropic: ['amazonInOpenAI', 'amazonInAnthropic'],
} as const satisfies Record<string, readonly [FactKey, FactKey]>
// #endregion method

export type DerivedKey = keyof typeof DERIVATIONS

export function derive(key: DerivedKey, table: FactTable = FACTS): number {
  const [top, bottom] = DERIVATIONS[key]
  return ratio(top, bottom, table)
}

/** A floor over a firm figure is itself a floor ("3.3x+"); anything else is approximate ("~100x"). */
export function derivedHedge(key: DerivedKey, table: FactTable = FACTS): 'at least' | 'around' {
  const [top, bottom] = DERIVATIONS[key].map(k => getFact(k, table).hedge)
  const floor = top === 'at least' || top === 'north of'
  return floor && (bottom === 'none' || bottom === 'reported') ? 'at least' : 'around'
}
