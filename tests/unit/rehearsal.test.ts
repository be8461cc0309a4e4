// Rehearsal timings (snippets/rehearsal.ts) and `npm run rehearsal:apply` on a copy of slides.md.

import type { RehearsalFile } from '../../snippets/rehearsal'
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { parseSync } from '@slidev/parser/core'
import { parseTimeString } from '@slidev/parser/utils'
import { describe, expect, it } from 'vitest'
import { checkRehearsal, median, proposeBudgets, REHEARSAL_FORMAT, rehearsalCsv, rehearsalReport } from '../../snippets/rehearsal'
import { headmatter, slides } from '../deck-source'

const titles = slides.map(s => s.title ?? '')
const deck = String(headmatter.title)
const budgets = slides.map(s => Number(s.frontmatter.budget))
const total = parseTimeString(String(headmatter.duration)).seconds

/** A rehearsal of this deck: each run spends `scale` times each slide's budget, on its first click. */
function recording(...scales: number[]): RehearsalFile {
  const runs = scales.map((scale, r) => ({ startedAt: `2026-11-2${r}T09:00:00Z`, clicks: budgets.map(b => (b ? [b * scale] : [])) }))
  return { format: REHEARSAL_FORMAT, deck, slides: titles, runs }
}

describe('rehearsal report', () => {
  it('takes the median of the runs that reached a slide', () => {
    expect([median([3, 1, 2]), median([4, 1, 2, 3]), median([])]).toEqual([2, 2.5, undefined])
  })

  it('proposes budgets in steps of 5 s that sum to the duration, keeping budget-0 slides at 0', () => {
    const proposed = proposeBudgets([100, 50, 33, 7, 999], [60, 60, 60, 60, 0], 300)
    expect(proposed.reduce((a, b) => a + b, 0)).toBe(300)
    expect(proposed.every(p => p % 5 === 0)).toBe(true)
    expect(proposed[4]).toBe(0)
    expect(proposed[0]).toBeGreaterThan(proposed[1]!)
  })

  it('shows budget, last run and median per slide, and flags a slide more than 20% over', () => {
    const file = recording(1, 1, 1.1)
    file.runs[2]!.clicks[1] = [budgets[1]! * 1.5, 10]
    file.runs[1]!.clicks[1] = [budgets[1]! * 1.4]
    const rows = rehearsalReport(file, budgets, total)
    expect(rows[1]).toMatchObject({ no: 2, budget: budgets[1], last: budgets[1]! * 1.5 + 10, median: budgets[1]! * 1.4, over: true })
    expect(rows[0]).toMatchObject({ median: budgets[0], over: false })
    expect(rows.filter(r => r.over).map(r => r.no)).toEqual([2])
    expect(rows.reduce((s, r) => s + r.proposed, 0)).toBe(total)
    expect(rows.at(-1)!.proposed).toBe(0)
  })

  it('exports every click of every run as CSV', () => {
    const csv = rehearsalCsv(recording(1)).split('\n')
    expect(csv[0]).toBe('run,started,slide,title,click,seconds')
    expect(csv[1]).toBe(`1,2026-11-20T09:00:00Z,1,"${titles[0]}",0,${budgets[0]!.toFixed(1)}`)
    expect(csv).toHaveLength(1 + budgets.filter(Boolean).length)
  })

  it('refuses a foreign or corrupt file, naming what is wrong', () => {
    const bad = (change: (f: Record<string, unknown>) => void) => {
      const file = structuredClone(recording(1)) as unknown as Record<string, unknown>
      change(file)
      return () => checkRehearsal(file, deck, titles)
    }
    expect(() => checkRehearsal([], deck, titles)).toThrow(/^file: expected a JSON object/)
    expect(bad((f) => {
      f.format = 'pptx'
    })).toThrow(/^format: .*not a rehearsal/)
    expect(bad((f) => {
      f.deck = 'Another talk'
    })).toThrow(/^deck: recorded on "Another talk"/)
    expect(bad((f) => {
      f.slides = titles.slice(0, 6)
    })).toThrow(/^slides: the file has 6 slides, the deck has/)
    expect(bad((f) => {
      (f.slides as string[])[2] = 'Renamed'
    })).toThrow(/^slides\[2\]: slide 3 is "Renamed"/)
    expect(bad((f) => {
      f.runs = []
    })).toThrow(/^runs: expected at least one/)
    expect(bad((f) => {
      (f.runs as RehearsalFile['runs'])[0]!.clicks[4] = [-3]
    })).toThrow(/^runs\[0\]\.clicks\[4\]: expected seconds \(0 or more\), got \[-3\]/)
    expect(checkRehearsal(recording(1), deck, titles).runs).toHaveLength(1)
  })
})

describe('npm run rehearsal:apply', () => {
  const script = path.resolve(import.meta.dirname, '../../scripts/rehearsal-apply.mjs')
  const dir = mkdtempSync(path.join(tmpdir(), 'rehearsal-'))
  const apply = (file: unknown) => {
    const deckCopy = path.join(dir, 'slides.md')
    copyFileSync(path.resolve(import.meta.dirname, '../../slides.md'), deckCopy)
    const input = path.join(dir, 'run.json')
    writeFileSync(input, typeof file === 'string' ? file : JSON.stringify(file))
    const run = spawnSync(process.execPath, [script, input, '--deck', deckCopy], { encoding: 'utf8' })
    return { ...run, deck: readFileSync(deckCopy, 'utf8') }
  }
  const original = readFileSync(path.resolve(import.meta.dirname, '../../slides.md'), 'utf8')

  it('writes the proposed budgets into the frontmatter, and nothing else', () => {
    const file = recording(1)
    file.runs[0]!.clicks[1] = [budgets[1]! * 2]
    const run = apply(file)
    expect(run.status, run.stderr).toBe(0)
    const after = parseSync(run.deck, 'slides.md').slides
    const written = after.map(s => Number(s.frontmatter.budget))
    expect(written).toEqual(rehearsalReport(file, budgets, total).map(r => r.proposed))
    expect(written[1]).toBeGreaterThan(budgets[1]!)
    expect(written.reduce((a, b) => a + b, 0)).toBe(total)
    expect(run.deck.replace(/^budget: \d+$/gm, '')).toBe(original.replace(/^budget: \d+$/gm, ''))
    expect(run.stdout).toMatch(/review with git diff/)
  })

  it('refuses a corrupt or foreign file and leaves the deck untouched', () => {
    for (const [file, message] of [['{"runs": [', /not a readable JSON file/], [{ ...recording(1), deck: 'x' }, /deck: recorded on "x"/]] as const) {
      const run = apply(file)
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(/refused, slides\.md untouched/)
      expect(run.stderr).toMatch(message)
      expect(run.deck).toBe(original)
    }
  })
})
