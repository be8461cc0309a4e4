// @ts-check
// Writes the budgets a rehearsal proposes into the `budget:` frontmatter of slides.md:
//   npm run rehearsal:apply -- <rehearsal.json> [--deck <entry.md>]
// The file is the JSON the presenter view's rehearsal report exports. A file that is not JSON, not a
// rehearsal export, or from another deck is refused with what is wrong, and the deck is not touched.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { parseSync } from '@slidev/parser/core'
import { parseTimeString } from '@slidev/parser/utils'
import { checkRehearsal, rehearsalReport } from '../snippets/rehearsal.ts'

const options = /** @type {const} */ ({ deck: { type: 'string', default: 'slides.md' } })
const { values, positionals } = parseArgs({ allowPositionals: true, options })
const [input] = positionals
try {
  if (!input)
    throw new Error('usage: npm run rehearsal:apply -- <rehearsal.json> [--deck slides.md]')
  let data
  try {
    data = JSON.parse(readFileSync(input, 'utf8'))
  }
  catch (error) {
    throw new Error(`${input} is not a readable JSON file (${/** @type {Error} */ (error).message})`)
  }
  const deckPath = path.resolve(values.deck)
  const source = readFileSync(deckPath, 'utf8')
  const { slides } = parseSync(source, deckPath)
  const headmatter = slides[0]?.frontmatter ?? {}
  const file = checkRehearsal(data, String(headmatter.title), slides.map(s => s.title ?? ''))
  const budgets = slides.map(s => Number(s.frontmatter.budget ?? 0))
  const rows = rehearsalReport(file, budgets, parseTimeString(headmatter.duration ?? '0').seconds)
  const lines = source.split('\n')
  for (const [i, slide] of slides.entries()) {
    const at = lines.slice(slide.start, slide.contentStart).findIndex(line => /^budget:\s*\d+\s*$/.test(line))
    if (at < 0)
      throw new Error(`slide ${i + 1} "${slide.title}" has no \`budget:\` line in its frontmatter to update`)
    lines[slide.start + at] = `budget: ${rows[i]?.proposed}`
  }
  writeFileSync(deckPath, lines.join('\n'))
  for (const row of rows.filter(r => r.proposed !== r.budget))
    console.log(`slide ${row.no}: ${row.budget} s -> ${row.proposed} s  ${row.title}`)
  console.log(`Budgets from ${file.runs.length} run(s) written to ${path.basename(deckPath)}; review with git diff.`)
}
catch (error) {
  const { message } = /** @type {Error} */ (error)
  console.error(`rehearsal:apply refused, ${path.basename(values.deck)} untouched: ${message}`)
  process.exit(1)
}
