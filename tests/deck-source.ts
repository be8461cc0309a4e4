// slides.md as Slidev itself parses it, for the unit and browser tests alike.
import { readFileSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseSync } from '@slidev/parser/core'
import { load } from '@slidev/parser/fs'

const SLIDES_PATH = fileURLToPath(new URL('../slides.md', import.meta.url))
export const deckSource = parseSync(readFileSync(SLIDES_PATH, 'utf8'), SLIDES_PATH)
export const slides = deckSource.slides
export const headmatter = slides[0]!.frontmatter as Record<string, unknown>

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** short.md, the five-minute cut, its `src:` imports resolved by Slidev's own loader. */
// eslint-disable-next-line antfu/no-top-level-await -- the test modules import the parsed cut as a value
export const cut = await load({ userRoot: ROOT, roots: [ROOT] }, fileURLToPath(new URL('../short.md', import.meta.url)))
/** summary.md, the one-page leave-behind. */
export const summarySource = parseSync(readFileSync(new URL('../summary.md', import.meta.url), 'utf8'), 'summary.md')

/** Slide text without notes, code blocks and snippet imports. */
export function visibleText(content: string): string {
  return content
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^<<<.*$/gm, '')
}

/**
 * How many clicks a slide's markup builds: `clicks:` in its frontmatter, else one per `v-click`
 * (attribute or element) plus one per top-level list item inside `<v-clicks>`. `exact` is false when
 * the markup uses forms this count cannot follow (explicit click numbers, `every`, `depth`, `v-switch`).
 */
export function sourceClicks(content: string, declared?: unknown): { clicks: number, exact: boolean } {
  if (typeof declared === 'number')
    return { clicks: declared, exact: true }
  const body = content.replace(/^(`{3,}|~{3,})(?![`~])[\s\S]+?^\1/gm, '').replace(/<!--[\s\S]*?-->/g, '')
  let exact = !/v-switch|v-motion|\bat="|v-click="[^"]*"|v-after="[^"]*"|<v-clicks[^>]+\b(?:every|depth|at)=/.test(body)
  let clicks = [...body.matchAll(/(?:<|\s)v-click(?![-\w])/g)].length
  for (const block of body.matchAll(/<v-clicks\b[^>]*>([\s\S]*?)<\/v-clicks>/g)) {
    const items = [...block[1]!.matchAll(/^([ \t]*)(?:[-*+]|\d+\.)\s/gm)]
    const indent = Math.min(...items.map(m => m[1]!.length))
    const listItems = items.filter(m => m[1]!.length === indent).length
    const htmlItems = listItems ? 0 : [...block[1]!.matchAll(/<li\b/g)].length
    if (!listItems && !htmlItems)
      exact = false
    clicks += listItems || htmlItems
  }
  return { clicks, exact }
}

/** Clicks the slide at `index` builds. */
export function buildClicks(index: number): number {
  const slide = slides[index]!
  return sourceClicks(slide.content, slide.frontmatter.clicks).clicks
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
