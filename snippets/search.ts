// The presenter's search: slide titles, speaker notes, figures with the article's wording, and the
// backup questions, each pointing at the slide to jump to. Pure: the Vue layer feeds it the slides.
import type { FigureSource } from './format'

type SearchKind = 'question' | 'slide' | 'figure' | 'note'

export interface SearchEntry {
  kind: SearchKind
  /** 1-based slide to jump to. */
  no: number
  title: string
  text: string
}

export interface SearchHit extends SearchEntry {
  /** A short excerpt around the first matching word. */
  excerpt: string
}

export interface SearchSlide {
  title?: string
  /** The note's markdown (dev server) or, in a build, its HTML. */
  note?: string
  frontmatter: Record<string, unknown>
}

const WEIGHT: Record<SearchKind, number> = { question: 4, slide: 3, figure: 2, note: 1 }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' }

/** Markdown or the built deck's note HTML as plain text. */
function plain(text: string) {
  return text
    .replace(/\[click(?::\d+)?\]/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&([a-z]+);/g, (m, name: string) => ENTITIES[name] ?? m)
    .replace(/[*_`#]/g, '')
    .replace(/[’‘]/g, '\'')
    .replace(/\s+/g, ' ')
    .trim()
}

const isBackup = (slide: SearchSlide) => /\bdeck-backup\b/.test(String(slide.frontmatter.class ?? ''))

/** One entry per slide title (a backup slide's is its question), per note, and per figure. */
export function searchEntries(slides: readonly SearchSlide[], figures: readonly FigureSource[]): SearchEntry[] {
  const entries: SearchEntry[] = slides.flatMap((slide, i) => {
    const title = plain(slide.title ?? `Slide ${i + 1}`)
    const own: SearchEntry[] = [{ kind: isBackup(slide) ? 'question' : 'slide', no: i + 1, title, text: title }]
    return slide.note?.trim() ? [...own, { kind: 'note' as const, no: i + 1, title, text: plain(slide.note) }] : own
  })
  for (const figure of figures) {
    // A figure opens the first content slide listing it in `figures:`, else a backup slide that does.
    const lists = (s: SearchSlide) => Array.isArray(s.frontmatter.figures) && s.frontmatter.figures.includes(figure.key)
    const shows = slides.flatMap((s, i) => (lists(s) ? [i + 1] : []))
    const no = shows.find(n => !isBackup(slides[n - 1]!)) ?? shows[0]
    const title = `${figure.text} ${figure.label}`
    const text = `${title} · ${figure.hedge} · “${figure.wording}” · ${figure.origin}`
    if (no)
      entries.push({ kind: 'figure', no, title, text })
  }
  return entries
}

/** Entries holding every word of the query (case-insensitive), best first: questions, titles, figures, notes. */
export function search(entries: readonly SearchEntry[], query: string, limit = 12): SearchHit[] {
  const terms = plain(query).toLowerCase().split(' ').filter(Boolean)
  if (!terms.length)
    return []
  const hits = entries.flatMap((entry) => {
    const text = entry.text.toLowerCase()
    if (!terms.every(term => text.includes(term)))
      return []
    const at = text.indexOf(terms[0]!)
    const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - 50)))
    const [before, after] = [start > 0 ? '…' : '', start + 140 < text.length ? '…' : '']
    const excerpt = `${before}${entry.text.slice(start, start + 140).trim()}${after}`
    const inTitle = terms.every(t => entry.title.toLowerCase().includes(t))
    return [{ ...entry, excerpt, score: WEIGHT[entry.kind] + (inTitle ? 1 : 0) }]
  })
  return hits.sort((a, b) => b.score - a.score || a.no - b.no).slice(0, limit).map(({ score: _score, ...hit }) => hit)
}
