// @ts-check
// Lists every place a fact reaches, status-dependent wording included, so an editor changing it
// knows what follows by itself and what to reword by hand:
//   npm run facts:impact -- <key> [--root <copy of the repository>] [--json]
// Slides, titles and notes come from slides.md as Slidev parses it; figures, charts and ratios from
// the repository's own snippets/ (loaded with jiti, which Slidev uses for its setup files).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseSync } from '@slidev/parser/core'
import { createJiti } from 'jiti'

/**
 * @typedef {{ slide: number, title: string, figures: string[], placed: string[], statusWording: string[] }} SlideHit
 */
/** @typedef {{ slide: number, says: string[], matchesNoFact: string[], statusWording: string[] }} NoteHit */
/**
 * @typedef {{ key: string, status: string, keys: string[], charts: string[], slides: SlideHit[], notes: NoteHit[],
 *   sources: string[], exports: string[] }} Impact
 */

/** @param {string} key @param {string} root @returns {Promise<Impact>} */
export async function factImpact(key, root) {
  const jiti = createJiti(import.meta.url, { moduleCache: false })
  /** @template T @param {string} file @param {T} _type @returns {Promise<T>} */
  const load = (file, _type) => jiti.import(path.join(root, 'snippets', file))
  const { FACTS, isFactKey } = await load('facts.ts', /** @type {typeof import('../snippets/facts')} */ ({}))
  const { DERIVATIONS, derive } = await load('derived.ts', /** @type {typeof import('../snippets/derived')} */ ({}))
  const { CHARTS } = await load('charts.ts', /** @type {typeof import('../snippets/charts')} */ ({}))
  const { resolveAll } = await load('sources.ts', /** @type {typeof import('../snippets/sources')} */ ({}))
  const spoken = await load('spoken.ts', /** @type {typeof import('../snippets/spoken')} */ ({}))
  /** @type {Record<string, readonly string[]>} */
  const derivations = DERIVATIONS
  if (!isFactKey(key) && !Object.hasOwn(derivations, key))
    throw new Error(`"${key}" is neither a fact nor a derived figure; facts are ${Object.keys(FACTS).join(', ')}`)
  const keys = [key, ...Object.keys(derivations).filter(d => derivations[d]?.includes(key))]
  const fact = isFactKey(key) ? FACTS[key] : undefined
  const entry = path.join(root, 'slides.md')
  const { slides } = parseSync(readFileSync(entry, 'utf8'), entry)
  const minutes = Number.parseInt(String(slides[0]?.frontmatter.duration), 10)
  const broken = [...resolveAll(FACTS).entries()].filter(([k, r]) => keys.includes(k) && !r.ok)
  if (broken.length)
    throw new Error(broken.map(([, r]) => (r.ok ? '' : r.message)).join('; '))
  /** What each key is worth now, for finding the notes that speak it. */
  const values = keys.map(k => (fact && k === key ? fact.value : derive(/** @type {keyof DERIVATIONS} */ (k), FACTS)))
  const charts = Object.entries(CHARTS)
    .filter(([, spec]) => spec.bars.some(b => keys.includes(b.key)) || keys.includes(spec.multiple ?? ''))
    .map(([id]) => id)
  const status = fact?.status ?? 'our arithmetic'
  /** @type {Impact} */
  const out = { key, status, keys, charts, slides: [], notes: [], sources: [], exports: [] }
  slides.forEach((slide, i) => {
    const no = i + 1
    /** @type {string[]} */
    const listed = (Array.isArray(slide.frontmatter.figures) ? slide.frontmatter.figures : [])
      .filter(k => keys.includes(k))
    const text = slide.content.replace(/<!--[\s\S]*?-->/g, '')
    const deal = fact && listed.length ? spoken.dealSentences(text.replace(/<[^>]+>/g, ' ')) : []
    const placed = [...text.matchAll(/<(?:Fig|BarChart|PartnershipTriangle)\b[^>]*>/g)]
      .map(m => m[0])
      .filter(tag => [...keys, ...charts].some(k => tag.includes(`"${k}"`)) || tag.includes('PartnershipTriangle'))
    if (listed.length)
      out.slides.push({ slide: no, title: slide.title ?? '', figures: listed, placed, statusWording: deal })
    if (text.includes('<FactSheet'))
      out.sources.push(...keys.map(k => `slide ${no}, sources row #fact-${k}`))
    else if (listed.length)
      out.sources.push(`slide ${no}, presenter's Sources list`)
    const note = slide.note ?? ''
    const says = spoken.spokenNumbers(note).filter(n => values.some(v => spoken.withinRounding(n.value, v)))
    const stale = spoken.unmatchedNumbers(note, FACTS, minutes)
    const dealNote = fact && listed.length ? spoken.dealSentences(note) : []
    if (says.length || stale.length || dealNote.length) {
      const [said, matchesNoFact] = [says.map(n => n.said), stale.map(n => n.said)]
      out.notes.push({ slide: no, says: said, matchesNoFact, statusWording: dealNote })
    }
  })
  const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts
  out.exports = Object.values(scripts).flatMap(s => [...String(s).matchAll(/exports\/[\w.-]+/g)].map(m => m[0]))
  if (!Number.isFinite(minutes))
    throw new TypeError('slides.md headmatter has no duration in minutes')
  return out
}

/** The listing as an editor reads it. @param {Impact} r */
export function describe(r) {
  const quote = (/** @type {string[]} */ words) => words.map(w => `"${w}"`).join('; ')
  const line = (/** @type {string} */ head, /** @type {string[]} */ items) =>
    `${head}\n${items.length ? items.map(i => `  - ${i}`).join('\n') : '  (none)'}`
  return [
    `${r.key} (${r.status}); with the ratios built on it: ${r.keys.join(', ')}`,
    line('Slides and titles:', r.slides.map((s) => {
      const check = s.statusWording.length ? `\n      status wording to check: ${quote(s.statusWording)}` : ''
      return `slide ${s.slide} "${s.title}": ${(s.placed.length ? s.placed : s.figures).join(' ')}${check}`
    })),
    line('Charts (follow the facts):', r.charts),
    line('Notes (typed by hand: reword):', r.notes.map(n => `slide ${n.slide}: ${[
      n.says.length ? `says ${n.says.join(', ')}` : '',
      n.matchesNoFact.length ? `matches no fact: ${n.matchesNoFact.join(', ')}` : '',
      n.statusWording.length ? `status wording: ${quote(n.statusWording)}` : '',
    ].filter(Boolean).join(' · ')}`)),
    line('Sources rows (follow the facts):', r.sources),
    line('Exports (re-run them: npm run export, export:clicks, export:pptx, export:handout, export:html, '
      + 'export:short, export:summary):', r.exports),
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--root')
  const root = at >= 0 ? path.resolve(String(args[at + 1])) : path.resolve(import.meta.dirname, '..')
  const key = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1))
  if (!key) {
    console.error('usage: npm run facts:impact -- <fact or ratio key> [--root <dir>] [--json]')
    process.exit(2)
  }
  try {
    const result = await factImpact(key, root)
    console.log(args.includes('--json') ? JSON.stringify(result, null, 2) : describe(result))
  }
  catch (error) {
    console.error(`facts:impact: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
