// Runs in Node wherever Slidev reads an entry (dev, build, every export):
// - checks each fact's status and date, so a bad one stops the build naming the fact, and adds the
//   figures' date and version to the headmatter's `info` and `keywords` (Slidev's exporter writes those
//   as the PDF's subject and keywords and both PowerPoint files' subject);
// - stops a build whose `src: file#range` points past that file (Slidev drops such slide numbers without
//   a word, and a missing file only lands in an error list the build never prints).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseSync } from '@slidev/parser/core'
import { definePreparserSetup } from '@slidev/types'
import { checkRecords, editionLine } from '../snippets/facts'

/** What is wrong with a `src: file#range` whose file has `total` slides, or undefined. */
export function srcRangeProblem(src: string, total: number): string | undefined {
  const [file, range = ''] = src.split('#')
  const numbers = range.split(/[,;]/).flatMap(part => part.split('-')).filter(Boolean).map(Number)
  const bad = numbers.find(n => !Number.isInteger(n) || n < 1 || n > total)
  return bad === undefined ? undefined : `src: ${src} asks for slide ${bad}, but ${file} has ${total} slides`
}

function checkSrc(entry: string, src: string) {
  const target = path.resolve(path.dirname(entry), src.split('#')[0]!)
  if (!existsSync(target))
    throw new Error(`${path.basename(entry)}: src: ${src} names a file that does not exist (${target})`)
  const problem = srcRangeProblem(src, parseSync(readFileSync(target, 'utf8'), target).slides.length)
  if (problem)
    throw new Error(`${path.basename(entry)}: ${problem}`)
}

export default definePreparserSetup(({ filepath }) => {
  checkRecords()
  const edition = editionLine()
  return [{
    name: 'deck:facts-and-sources',
    async transformSlide(_content, frontmatter: Record<string, unknown>) {
      if (typeof frontmatter.src === 'string')
        checkSrc(filepath, frontmatter.src)
      if (typeof frontmatter.info === 'string' && !frontmatter.info.includes(edition))
        frontmatter.info = `${frontmatter.info} ${edition}.`
      if (typeof frontmatter.keywords === 'string' && !frontmatter.keywords.includes(edition))
        frontmatter.keywords = `${frontmatter.keywords}, ${edition}`
      return undefined
    },
  }]
})
