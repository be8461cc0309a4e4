// The five-minute cut (short.md), its `src:` check (setup/preparser.ts) and the one-page summary.
// Its budgets and notes against its duration are checked with the full deck's in slides.test.ts.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { srcRangeProblem } from '../../setup/preparser'
import { cut, slides, summarySource, visibleText } from '../deck-source'

describe('short.md, the five-minute cut', () => {
  it('imports its slides from slides.md and holds no slide text of its own', () => {
    expect(cut.slides.every(s => s.source.filepath.endsWith('/slides.md'))).toBe(true)
    const raw = readFileSync(new URL('../../short.md', import.meta.url), 'utf8')
    expect(raw.replace(/^---\n[\s\S]*?\n---\n/gm, '').trim()).toBe('')
    expect(cut.slides.map(s => s.title)).toContain(slides.at(-1)!.title)
  })

  it('keeps the backup questions after its close, outside the duration', () => {
    const backups = cut.slides.filter(s => /deck-backup/.test(String(s.frontmatter.class)))
    expect(backups.length).toBeGreaterThanOrEqual(8)
    expect(backups.every(s => s.frontmatter.budget === 0)).toBe(true)
  })

  it('a src range past the end of the deck is an error that says so', () => {
    expect(srcRangeProblem('./slides.md#2,5-7', 28)).toBeUndefined()
    expect(srcRangeProblem('./slides.md#20-', 28)).toBeUndefined()
    expect(srcRangeProblem('./slides.md#2,48', 28)).toBe('src: ./slides.md#2,48 asks for slide 48, but ./slides.md has 28 slides')
    expect(srcRangeProblem('./slides.md#0', 28)).toMatch(/asks for slide 0/)
    expect(srcRangeProblem('./slides.md#x', 28)).toMatch(/asks for slide NaN/)
  })
})

describe('summary.md, the page to leave behind', () => {
  const text = visibleText(summarySource.slides.map(s => s.content).join('\n'))
  it('types no figure: every number comes from the facts module', () => {
    const typed = text.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '').replace(/\{\{[^}]*\}\}/g, '')
    expect(typed).not.toMatch(/\d/)
    expect(text).toMatch(/<FactSheet \/>/)
  })

  it('holds the takeaway, what to watch, the source and the date the figures are as of', () => {
    expect(text).toMatch(/takeaway/i)
    expect(text).toMatch(/What to watch, per the writer/)
    expect(text).toMatch(/figures as of \{\{ \$slidev\.configs\.date \}\}/)
    expect(summarySource.slides[0]!.frontmatter).toMatchObject({ canvasWidth: 794, aspectRatio: '210/297' })
  })
})
