// The presenter's search (snippets/search.ts) over this deck: titles, notes, figures, questions.
import { describe, expect, it } from 'vitest'
import { DERIVATIONS } from '../../snippets/derived'
import { FACT_KEYS } from '../../snippets/facts'
import { figureSource } from '../../snippets/format'
import { search, searchEntries } from '../../snippets/search'
import { slides } from '../deck-source'

const figures = [...FACT_KEYS, ...Object.keys(DERIVATIONS)].map(key => figureSource(key))
const entries = searchEntries(slides, figures)
const backups = slides.flatMap((s, i) => (/deck-backup/.test(String(s.frontmatter.class)) ? [i + 1] : []))

describe('presenter search', () => {
  it('finds a backup question first, on its own slide', () => {
    const [first] = search(entries, 'microsoft block')
    expect(first).toMatchObject({ kind: 'question', no: backups[0] })
  })

  it('finds a figure by the article\'s wording and opens the first slide that shows it', () => {
    const hit = search(entries, 'azure cloud credits').find(h => h.kind === 'figure')
    expect(hit).toMatchObject({ no: 3, title: '~$13B Microsoft commitment to OpenAI' })
    expect(hit!.excerpt).toMatch(/around \$13 billion/)
  })

  it('searches the notes, as markdown or as the built deck\'s HTML, with an excerpt around the match', () => {
    const hits = search(entries, 'graphics processors')
    expect(hits.map(h => [h.kind, h.no])).toEqual([['note', 9]])
    expect(hits[0]!.excerpt).toMatch(/NVIDIA graphics processors/)
    const built = searchEntries([{ title: 'T', note: '<p>Amazon&#39;s <span class="slidev-note-click-mark"></span>chips</p>', frontmatter: {} }], [])
    expect(search(built, 'amazon\'s chips')).toHaveLength(1)
  })

  it('returns nothing for no match or an empty query (the panel then says so)', () => {
    expect(search(entries, 'zeppelin')).toEqual([])
    expect(search(entries, '   ')).toEqual([])
  })

  it('covers at least eight backup questions, each with a short spoken answer and a link to its evidence', () => {
    expect(backups.length).toBeGreaterThanOrEqual(8)
    for (const no of backups) {
      const slide = slides[no - 1]!
      expect(slide.frontmatter.budget, `slide ${no}`).toBe(0)
      expect((slide.note ?? '').split(/\s+/).filter(Boolean).length, `slide ${no} answer`).toBeLessThanOrEqual(40)
      const to = Number(slide.content.match(/<Evidence to="(\d+)"/)?.[1])
      expect(to > 0 && to < backups[0]! && !/deck-backup/.test(String(slides[to - 1]?.frontmatter.class)), `slide ${no} evidence`).toBe(true)
    }
    expect(backups.at(-1)).toBe(slides.length)
  })
})
