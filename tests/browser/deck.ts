// slides.md as Slidev's own parser reads it (tests/deck-source.ts), for comparing the built deck
// with its source.
import path from 'node:path'
import { deckSource } from '../deck-source'

export interface SourceSlide {
  /** 1-based number in the presented deck (hidden slides excluded). */
  no: number
  /** Raw frontmatter text (the headmatter for the first slide). */
  frontmatter: string
  /** Markdown body without frontmatter and without the note. */
  content: string
  /** The speaker note, or '' when there is none. */
  note: string
  title?: string
}

export const ROOT = path.resolve(import.meta.dirname, '../..')

export function readDeck(): SourceSlide[] {
  return deckSource.slides
    .filter(s => !s.frontmatter.hide && !s.frontmatter.disabled)
    .map((s, i) => ({
      no: i + 1,
      frontmatter: s.frontmatterRaw ?? '',
      content: s.content,
      note: s.note?.trim() ?? '',
      title: s.title,
    }))
}

/** Lowercase, entities and punctuation gone, whitespace collapsed: text that survives markdown/HTML/JS escaping. */
export function normalizeText(text: string): string {
  return text
    .replace(/&(?:#39|#x27|apos|rsquo|lsquo);/g, '\'')
    .replace(/&(?:quot|ldquo|rdquo|#34);/g, '"')
    .replace(/&(?:amp|#38);/g, '&')
    .replace(/\\u2019|\\u2018|[\u2018\u2019]/g, '\'')
    .replace(/\\n/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
}

/**
 * Distinctive runs of plain words from a note: the note minus markdown, split at every character that
 * markdown, HTML or a JS string could render differently (punctuation, quotes, markers, line breaks).
 * Runs of at least `minWords` words, longest first. Lowercased.
 */
export function notePhrases(note: string, minWords = 6): string[] {
  const stripped = note
    .replace(/\[click(?::\d+)?\]/gi, '\n')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
  const runs = stripped
    .split(/[^A-Z0-9 ]+/i)
    .map(run => run.trim().replace(/ +/g, ' ').toLowerCase())
    .filter(run => run.split(' ').length >= minWords)
  return [...new Set(runs)].sort((a, b) => b.length - a.length)
}

/** Notes with the phrases that identify them; phrases that also appear on any slide are dropped. */
export function distinctiveNotePhrases(slides: SourceSlide[], perSlide = 2): { no: number, phrases: string[] }[] {
  const allContent = normalizeText(slides.map(s => `${s.frontmatter}\n${s.content}`).join('\n')).replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ')
  return slides
    .filter(s => s.note)
    .map(s => ({ no: s.no, phrases: notePhrases(s.note).filter(p => !allContent.includes(p)).slice(0, perSlide) }))
    .filter(s => s.phrases.length > 0)
}
