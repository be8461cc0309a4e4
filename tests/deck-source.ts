// slides.md as Slidev itself parses it, for the unit and browser tests alike.
import { readFileSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseSync } from '@slidev/parser/core'

const SLIDES_PATH = fileURLToPath(new URL('../slides.md', import.meta.url))
export const deckSource = parseSync(readFileSync(SLIDES_PATH, 'utf8'), SLIDES_PATH)
export const slides = deckSource.slides
export const headmatter = slides[0]!.frontmatter as Record<string, unknown>

/** Slide text without notes, code blocks and snippet imports. */
export function visibleText(content: string): string {
  return content
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^<<<.*$/gm, '')
}

/** Clicks a slide builds: its `clicks:` frontmatter, else one per v-click element. */
export function buildClicks(index: number): number {
  const slide = slides[index]!
  const declared = slide.frontmatter.clicks
  if (typeof declared === 'number')
    return declared
  return visibleText(slide.content).match(/\sv-click(?=[\s>])/g)?.length ?? 0
}

/** The figure keys a slide declares in its `figures:` frontmatter. */
export function slideFigures(index: number): string[] {
  const figures = slides[index]!.frontmatter.figures
  return Array.isArray(figures) ? figures.map(String) : []
}

/** Words of speaker notes, without [click] markers. */
export function noteWords(note: string | undefined): number {
  return (note ?? '').replace(/\[click\]/g, ' ').split(/\s+/).filter(Boolean).length
}

/** The source article: DECK_ARTICLE, or where the team's machines and CI keep it, beside the repository. */
export function readArticle(): string {
  const path = process.env.DECK_ARTICLE ?? fileURLToPath(new URL('../../shared/article/000_e1b279368c92966d.txt', import.meta.url))
  try {
    return readFileSync(path, 'utf8')
  }
  catch {
    throw new Error(`The source article is not at ${path}: set DECK_ARTICLE to its path (the own-words and quote checks read it)`)
  }
}
