import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseSync } from '@slidev/parser/core'
import { definePreparserSetup } from '@slidev/types'

// Slidev skips slide numbers past the end of an imported file without a word (parseRangeString
// filters them out), and a missing file only lands in an error list the build never prints. A cut
// like short.md would then build with slides missing; this stops the build and says why.

/** What is wrong with a `src: file#range` whose file has `total` slides, or undefined. */
export function srcRangeProblem(src: string, total: number): string | undefined {
  const [file, range = ''] = src.split('#')
  const numbers = range.split(/[,;]/).flatMap(part => part.split('-')).filter(Boolean).map(Number)
  const bad = numbers.find(n => !Number.isInteger(n) || n < 1 || n > total)
  return bad === undefined ? undefined : `src: ${src} asks for slide ${bad}, but ${file} has ${total} slides`
}

export default definePreparserSetup(({ filepath }) => [{
  name: 'deck:src-ranges',
  async transformSlide(_content, frontmatter: Record<string, unknown>) {
    const src = frontmatter.src
    if (typeof src !== 'string')
      return undefined
    const target = path.resolve(path.dirname(filepath), src.split('#')[0]!)
    if (!existsSync(target))
      throw new Error(`${path.basename(filepath)}: src: ${src} names a file that does not exist (${target})`)
    const problem = srcRangeProblem(src, parseSync(readFileSync(target, 'utf8'), target).slides.length)
    if (problem)
      throw new Error(`${path.basename(filepath)}: ${problem}`)
    return undefined
  },
}])
