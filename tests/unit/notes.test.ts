// The spoken script follows the facts: every number a note says, in digits or words, is a fact or a
// ratio of derived.ts within its rounding, and a note on a deal figure keeps the deal's status wording.
import { describe, expect, it } from 'vitest'
import { FACTS, isFactKey } from '../../snippets/facts'
import { dealSentences, spokenNumbers, unmatchedNumbers, withinRounding } from '../../snippets/spoken'
import { headmatter, slideFigures, slides } from '../deck-source'

const MINUTES = Number.parseInt(String(headmatter.duration), 10)

describe('spoken numbers', () => {
  it('reads numbers in digits and in words, with their unit', () => {
    const said = spokenNumbers('At least $10 billion, five hundred by two hundred and thirty, one hundred and eighty-three; '
      + 'more than two and a half times, roughly 3.3 times, about 2.7, over twice, sixteen minutes, three facts, GPT-5.')
    expect(said.map(n => [n.value, n.unit])).toEqual([
      [10, 'billion'],
      [500, 'bare'],
      [230, 'bare'],
      [183, 'bare'],
      [2.5, 'times'],
      [3.3, 'times'],
      [2.7, 'bare'],
      [2, 'times'],
      [16, 'minutes'],
    ])
  })

  it('matches within the rounding a number was said in, a floor cut rather than rounded', () => {
    expect(withinRounding(3.3, 500 / 150)).toBe(true)
    expect(withinRounding(2.2, 500 / 230)).toBe(true)
    expect(withinRounding(2.1, 500 / 230)).toBe(true)
    expect(withinRounding(2.5, 500 / 183)).toBe(false)
    expect(withinRounding(100, 100)).toBe(true)
  })

  it('every number a note speaks is a fact or a derived ratio', () => {
    const drift = slides.flatMap((s, i) => unmatchedNumbers(s.note ?? '', FACTS, MINUTES).map(n => `slide ${i + 1}: "${n.said}"`))
    expect(drift).toEqual([])
  })

  it('fails naming the slide and the number once a figure moves', () => {
    const moved = { ...FACTS, openAIValuation: { ...FACTS.openAIValuation, value: 600 } }
    const drift = slides.flatMap((s, i) => unmatchedNumbers(s.note ?? '', moved, MINUTES).map(n => `slide ${i + 1}: "${n.said}"`))
    expect(drift).toContain('slide 2: "$500 billion"')
    expect(drift.length).toBeGreaterThanOrEqual(4)
  })

  it('keeps the deal wording in the note of every slide that shows a figure still in talks', () => {
    slides.forEach((slide, i) => {
      if (slideFigures(i).some(k => isFactKey(k) && FACTS[k].status === 'in talks'))
        expect(dealSentences(slide.note ?? ''), `slide ${i + 1} note`).not.toEqual([])
    })
  })
})
