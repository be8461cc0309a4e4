// Reads slides.md the way Slidev splits it (separator lines, per-slide frontmatter, code fences,
// HTML comments), independently of Slidev, so the tests can compare the built deck with the source.
// The last HTML comment of a slide is its speaker note.
import { readFileSync } from 'node:fs'
import path from 'node:path'

export interface SourceSlide {
  /** 1-based number in the presented deck (hidden slides excluded). */
  no: number
  /** Raw frontmatter text (the headmatter for the first slide). */
  frontmatter: string
  /** Markdown body without frontmatter and without the note. */
  content: string
  /** The speaker note (text inside the last HTML comment), or '' when there is none. */
  note: string
  /** `clicks:` from the frontmatter, when given. */
  clicks?: number
  title?: string
}

const RE_CRLF = /\r?\n/

function advanceComment(line: string, inComment: boolean): boolean {
  let cursor = 0
  while (cursor < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', cursor)
      if (end < 0)
        return true
      inComment = false
      cursor = end + 3
    }
    else {
      const start = line.indexOf('<!--', cursor)
      if (start < 0)
        return false
      const end = line.indexOf('-->', start + 4)
      if (end < 0)
        return true
      cursor = end + 3
    }
  }
  return inComment
}

/** Splits the markdown into raw slide chunks, following Slidev's separator rules. */
export function splitSlides(markdown: string): string[] {
  const lines = markdown.split(RE_CRLF)
  const chunks: string[] = []
  let start = 0
  let inComment = false
  const slice = (end: number) => {
    if (start !== end)
      chunks.push(lines.slice(start, end).join('\n'))
    start = end + 1
  }
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!
    const line = raw.trimEnd()
    if (inComment) {
      inComment = advanceComment(raw, true)
      continue
    }
    if (line.startsWith('---')) {
      slice(i)
      const next = lines[i + 1]
      if (line[3] !== '-' && next?.trim()) {
        start = i
        for (i += 1; i < lines.length; i++) {
          if (lines[i]!.trimEnd() === '---')
            break
        }
      }
    }
    else if (line.trimStart().startsWith('```')) {
      const fence = line.match(/^\s*`+/)![0]
      let j = i + 1
      for (; j < lines.length; j++) {
        if (lines[j]!.startsWith(fence))
          break
      }
      if (j !== lines.length)
        i = j
    }
    else {
      inComment = advanceComment(raw, false)
    }
  }
  if (start <= lines.length - 1)
    slice(lines.length)
  return chunks
}

function yamlValue(frontmatter: string, key: string): string | undefined {
  const match = frontmatter.match(new RegExp(`^${key}:\\s*(.*?)\\s*$`, 'm'))
  return match?.[1]?.replace(/^['"]|['"]$/g, '')
}

export function parseSlides(markdown: string): SourceSlide[] {
  const slides: SourceSlide[] = []
  for (const chunk of splitSlides(markdown)) {
    let frontmatter = ''
    let content = chunk.replace(/^---.*\r?\n([\s\S]*?)---/, (_, f: string) => {
      frontmatter = f
      return ''
    }).trim()
    if (!frontmatter) {
      content = content.replace(/^\s*```ya?ml([\s\S]*?)```/, (_, f: string) => {
        frontmatter = f
        return ''
      }).trim()
    }
    let note = ''
    const comments = [...content.matchAll(/<!--([\s\S]*?)-->/g)]
    const last = comments.at(-1)
    if (last?.index !== undefined && last.index + last[0].length >= content.length) {
      note = last[1]!.trim()
      content = content.slice(0, last.index).trim()
    }
    const hidden = /^(?:true|yes)$/.test(yamlValue(frontmatter, 'hide') ?? '') || /^(?:true|yes)$/.test(yamlValue(frontmatter, 'disabled') ?? '')
    if (hidden)
      continue
    const clicks = yamlValue(frontmatter, 'clicks')
    const title = yamlValue(frontmatter, 'title') ?? content.replace(/^```[\s\S]+?^```/gm, '').match(/^#+ (.*)$/m)?.[1]?.trim()
    slides.push({
      no: slides.length + 1,
      frontmatter,
      content,
      note,
      clicks: clicks !== undefined && /^\d+$/.test(clicks) ? Number(clicks) : undefined,
      title,
    })
  }
  return slides
}

export const ROOT = path.resolve(import.meta.dirname, '../..')

export function readDeck(file = path.join(ROOT, 'slides.md')): SourceSlide[] {
  return parseSlides(readFileSync(file, 'utf8'))
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
    .split(/[^A-Za-z0-9 ]+/)
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

/**
 * How many clicks slides.md gives a slide: `clicks:` in its frontmatter, else one per `v-click`
 * (attribute or element) plus one per top-level list item inside `<v-clicks>`. `exact` is false when
 * the markup uses forms this count cannot follow (explicit click numbers, `every`, `depth`, `v-switch`).
 */
export function sourceClicks(slide: SourceSlide): { clicks: number, exact: boolean } {
  if (slide.clicks !== undefined)
    return { clicks: slide.clicks, exact: true }
  const body = slide.content.replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, '').replace(/<!--[\s\S]*?-->/g, '')
  let exact = !/v-switch|v-motion|\bat="|v-click="[^"]*"|v-after="[^"]*"|<v-clicks[^>]*\b(?:every|depth|at)=/.test(body)
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

/** The `[click]` / `[click:N]` markers of a note, in order (N for plain markers counts up from 1). */
export function noteClickMarkers(note: string): number[] {
  const markers: number[] = []
  for (const match of note.matchAll(/\[click(?::(\d+))?\]/gi))
    markers.push(match[1] ? Number(match[1]) : (markers.at(-1) ?? 0) + 1)
  return markers
}
