// The numbers a speaker says, read from note text (digits or words), and the deal wording a note
// carries: the notes check and `npm run facts:impact` both use them.

import type { FactTable } from './facts'
import { DERIVATIONS, derive } from './derived'
import { FACT_KEYS, FACTS } from './facts'

type Unit = 'billion' | 'times' | 'minutes' | 'bare'
interface Spoken { readonly said: string, readonly value: number, readonly unit: Unit }

// eslint-disable-next-line style/max-len -- data
const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const MULTIPLES: Record<string, number> = { twice: 2, double: 2, triple: 3, treble: 3 }
/** Names that hold digits but are not figures. */
const NAMES = /\b(H100|H200|GPT-5|Office 365)\b/g

function wordValue(word: string): number | undefined {
  const [tens, unit] = word.split('-')
  if (unit !== undefined) {
    const [t, u] = [TENS.indexOf(tens!), SMALL.indexOf(unit)]
    return t > 1 && u > 0 && u < 10 ? t * 10 + u : undefined
  }
  const v = SMALL.includes(word) ? SMALL.indexOf(word) : TENS.indexOf(word) > 1 ? TENS.indexOf(word) * 10 : -1
  return v >= 0 ? v : undefined
}

/** Every number in a note, with the unit that follows it; counts under 100 with no unit are left out. */
export function spokenNumbers(note: string): Spoken[] {
  const tokens = note.replace(NAMES, ' ').toLowerCase().match(/\$?\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?/g) ?? []
  const out: Spoken[] = []
  for (let i = 0; i < tokens.length; i++) {
    const start = i
    let value: number | undefined
    let decimal = false
    if (/^\$?\d/.test(tokens[i]!)) {
      value = Number(tokens[i]!.replace('$', ''))
      decimal = tokens[i]!.includes('.')
    }
    else if (MULTIPLES[tokens[i]!] !== undefined) {
      out.push({ said: tokens[i]!, value: MULTIPLES[tokens[i]!]!, unit: 'times' })
      continue
    }
    else if (wordValue(tokens[i]!) !== undefined) {
      value = wordValue(tokens[i]!)!
      while (i + 1 < tokens.length) { // "one hundred and eighty-three", "two and a half"
        const [next, after] = [tokens[i + 1]!, tokens[i + 2]]
        if (next === 'hundred') {
          value *= 100
          i++
        }
        else if (next === 'and' && after === 'a' && tokens[i + 3] === 'half') {
          value += 0.5
          decimal = true
          i += 3
        }
        else if (next === 'and' && after && wordValue(after) !== undefined && value % 100 === 0 && value > 0) {
          value += wordValue(after)!
          i += 2
        }
        else {
          break
        }
      }
    }
    if (value === undefined)
      continue
    const next = tokens[i + 1] ?? ''
    const unit: Unit = next === 'billion'
      ? 'billion'
      : /^(?:times|x|fold)$/.test(next)
        ? 'times'
        : /^minutes?$/.test(next) ? 'minutes' : 'bare'
    if (unit === 'bare' && !decimal && value < 100)
      continue
    out.push({ said: tokens.slice(start, unit === 'bare' ? i + 1 : i + 2).join(' '), value, unit })
  }
  return out
}

/** True if `said` is `actual` rounded (or cut, for a floor) to the precision it was said in. */
export function withinRounding(said: number, actual: number): boolean {
  const places = (String(said).split('.')[1] ?? '').length
  const scale = 10 ** places
  return Math.round(actual * scale) / scale === said || Math.floor(actual * scale + 1e-9) / scale === said
}

/** What a spoken number may match: the facts (billions), the derived ratios (times), the talk's minutes. */
function spokenTargets(table: FactTable = FACTS, minutes = Number.NaN): Record<Unit, number[]> {
  const facts = FACT_KEYS.map(k => table[k].value)
  const ratios = (Object.keys(DERIVATIONS) as (keyof typeof DERIVATIONS)[]).map(k => derive(k, table))
  return { billion: facts, times: ratios, minutes: [minutes], bare: [...facts, ...ratios] }
}

/** The numbers in a note that match no fact or derived value. */
export function unmatchedNumbers(note: string, table: FactTable = FACTS, minutes = Number.NaN): Spoken[] {
  const targets = spokenTargets(table, minutes)
  return spokenNumbers(note).filter(n => !targets[n.unit].some(t => withinRounding(n.value, t)))
}

/** Words that only hold while a deal is open: if the status changes, each one needs a look. */
const DEAL_WORDING = new RegExp(`\\b(?:talks|under negotiation|negotiat\\w+|proposed|proposal|preliminary|`
  + `if (?:the|this) deal (?:closes|goes (?:ahead|through)|happens)|`
  + `should (?:the|this) deal (?:close|go (?:ahead|through))|(?:the|this) deal would|if it closes)\\b`, 'i')

/** The sentences of a text that carry deal wording (markdown heading marks and spaces tidied). */
export function dealSentences(text: string): string[] {
  const sentences = text.replace(/^#+ /gm, '').replace(/\s+/g, ' ').match(/[^.!?]+[.!?]?/g) ?? []
  return sentences.map(s => s.trim()).filter(s => DEAL_WORDING.test(s))
}
