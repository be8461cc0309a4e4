// Turns facts and derived figures into the text the audience reads.
// The article's hedge stays attached to each figure: "$500B+", "~$13B", "$230B (reported)", and
// its status decides the deal wording: "in talks", "if the deal closes", a dashed bar.
import type { DerivedKey } from './derived'
import type { Fact, FactTable, Hedge, Status } from './facts'
import { DERIVATIONS, derive, derivedHedge } from './derived'
import { checkAmount, FactError, FACTS, getFact, isFactKey } from './facts'

export type FigureForm = 'short' | 'long'

/** $10B, $4.5B; amounts are in billions of US dollars. */
export function formatAmount(billions: number, field = 'amount'): string {
  checkAmount(field, billions)
  const rounded = Math.round(billions * 10) / 10
  return `$${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)}B`
}

const SHORT: Record<Hedge, (amount: string) => string> = {
  'at least': a => `${a}+`,
  'north of': a => `${a}+`,
  'around': a => `~${a}`,
  'reported': a => `${a} (reported)`,
  'estimated': a => `~${a} (est.)`,
  'none': a => a,
}

const LONG: Record<Hedge, (amount: string) => string> = {
  'at least': a => `at least ${a}`,
  'north of': a => `north of ${a}`,
  'around': a => `around ${a}`,
  'reported': a => `${a}, reported`,
  'estimated': a => `around ${a}, estimated`,
  'none': a => a,
}

export function formatFact(fact: Fact, form: FigureForm = 'short', field = 'fact'): string {
  const amount = formatAmount(fact.value, `${field}.value`)
  const hedge = (form === 'short' ? SHORT : LONG)[fact.hedge]
  if (!hedge)
    throw new FactError(`${field}.hedge`, `unknown hedge ${JSON.stringify(fact.hedge)}`)
  return hedge(amount)
}

/** What a status says about the deal: a tag, a condition, and whether the figure's bar is dashed. */
export const STATUS_WORDS: Readonly<Record<Status, { tag: string, condition: string, dashed: boolean }>> = {
  'in talks': { tag: 'in talks', condition: 'if the deal closes', dashed: true },
  'closed': { tag: 'agreed', condition: 'set by the deal', dashed: false },
  'reported': { tag: '', condition: '', dashed: false },
  'estimated': { tag: '', condition: '', dashed: false },
}

/** The deal wording a fact carries on screen ("in talks", "if the deal closes"), or '' for a plain figure. */
export function statusPhrase(fact: Fact): string {
  const words = STATUS_WORDS[fact.status]
  return fact.phrase === 'condition' ? words.condition : words.tag
}

/** 2.5x+ for a floor (cut, not rounded up), ~3.3x otherwise: one decimal below 10x, whole numbers above. */
export function formatMultiple(times: number, field = 'multiple', hedge: 'at least' | 'around' = 'around'): string {
  checkAmount(field, times)
  if (hedge === 'at least')
    return times < 10 ? `${(Math.floor(times * 10 + 1e-9) / 10).toFixed(1)}x+` : `${Math.floor(times + 1e-9)}x+`
  return times < 10 ? `~${times.toFixed(1)}x` : `~${Math.round(times)}x`
}

export function isDerivedKey(key: string): key is DerivedKey {
  return Object.hasOwn(DERIVATIONS, key)
}

/** The text for any figure the deck shows, by key: a fact or a derived ratio. */
export function figureText(key: string, form: FigureForm = 'short', table: FactTable = FACTS): string {
  if (isDerivedKey(key))
    return formatMultiple(derive(key, table), `derived.${key}`, derivedHedge(key, table))
  if (isFactKey(key))
    return formatFact(getFact(key, table), form, `facts.${key}`)
  throw new FactError(`figure "${key}"`, 'is neither a fact nor a derived figure')
}

/** One figure as the sources slide and the presenter's sources list show it. */
export interface FigureSource {
  readonly key: string
  readonly label: string // "OpenAI valuation, if the deal closes"
  readonly text: string // as the slides show it: "$500B+", "3.3x+"
  readonly hedge: string // the article's ("north of"), or "our arithmetic" for a ratio
  readonly status: string // "in talks", "reported"…, or "our arithmetic"
  readonly checked: string // the day the figure was last checked, or the later of a ratio's two
  readonly wording: string // the article's own words, or a ratio's arithmetic ("500+ ÷ 150 = 3.3x+")
  readonly origin: string // the article section, or "our arithmetic on the article's figures"
}

/** A figure in a ratio's arithmetic: 500+ for a floor, ~5 for an estimate, 150 otherwise. */
function compact(fact: Fact): string {
  const floor = fact.hedge === 'at least' || fact.hedge === 'north of'
  return `${fact.hedge === 'around' || fact.hedge === 'estimated' ? '~' : ''}${fact.value}${floor ? '+' : ''}`
}

/** Source details for a fact or derived key; throws a FactError naming the field if it is bad. */
export function figureSource(key: string, table: FactTable = FACTS): FigureSource {
  const text = figureText(key, 'short', table)
  if (isDerivedKey(key)) {
    const [top, bottom] = DERIVATIONS[key]
    const [a, b] = [getFact(top, table), getFact(bottom, table)]
    return {
      key,
      label: `${a.label} ÷ ${b.label}`,
      text,
      hedge: 'our arithmetic',
      status: 'our arithmetic',
      checked: [a.checked, b.checked].sort()[1]!,
      wording: `${compact(a)} ÷ ${compact(b)} = ${text}`,
      origin: 'our arithmetic on the article\'s figures',
    }
  }
  const fact = getFact(key, table)
  const phrase = statusPhrase(fact)
  const { hedge, status, checked, wording, section: origin } = fact
  return { key, label: phrase ? `${fact.label}, ${phrase}` : fact.label, text, hedge, status, checked, wording, origin }
}
