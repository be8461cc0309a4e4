// Every derived figure on a slide is computed here from the article's figures.
import { type FactKey, type FactTable, FACTS, getFact } from './facts'

/** a ÷ b, where both come from the fact table. A zero, NaN or negative input throws, naming it. */
export function ratio(top: FactKey, bottom: FactKey, table: FactTable = FACTS): number {
  return getFact(top, table).value / getFact(bottom, table).value
}

export const DERIVATIONS = {
  // $500B+ now against $150B months ago
  valuationJump: ['openAIValuation', 'openAIValuationBefore'],
  // $500B+ price against ~$5B a year of revenue
  revenueMultiple: ['openAIValuation', 'openAIRevenue'],
  // how far ahead of its private rivals OpenAI would sit
  leadOverXAI: ['openAIValuation', 'xAIValuation'],
  leadOverAnthropic: ['openAIValuation', 'anthropicValuation'],
} as const satisfies Record<string, readonly [FactKey, FactKey]>

export type DerivedKey = keyof typeof DERIVATIONS

export function derive(key: DerivedKey, table: FactTable = FACTS): number {
  const [top, bottom] = DERIVATIONS[key]
  return ratio(top, bottom, table)
}
