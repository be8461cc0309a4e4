// The static builds: speaker notes stay out of the public build and are in the presenter build;
// the public build is made for the sub-path it is served under.
// (No browser needed: these run even where Chromium is missing.)
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { distinctiveNotePhrases, normalizeText, readDeck } from './deck'
import { deck } from './helpers'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })
}

/** Every built file, as normalized text (binary files included: a note could hide in any of them). */
function corpus(dir: string): { file: string, text: string }[] {
  return filesUnder(dir).map(file => ({ file: path.relative(dir, file), text: normalizeText(readFileSync(file, 'latin1')) }))
}

const slides = readDeck()
const notes = distinctiveNotePhrases(slides)

describe('static builds', () => {
  it('slides.md has speaker notes to look for', () => {
    // Without notes there is nothing to leak, and the leak test below would pass vacuously.
    expect(notes.length, 'slides with a distinctive note sentence').toBeGreaterThanOrEqual(Math.min(3, slides.length))
  })

  it('no speaker note text reaches the public build', () => {
    const files = corpus(deck('public').dir)
    const leaks = notes.flatMap(({ no, phrases }) => phrases.flatMap(phrase =>
      files.filter(f => f.text.includes(phrase)).map(f => `slide ${no}: "${phrase}" in ${f.file}`)))
    expect(leaks).toEqual([])
  })

  it('the presenter build carries every slide\'s notes (so the leak test can fail)', () => {
    const text = corpus(deck('presenter').dir).map(f => f.text).join('\n')
    const missing = notes.filter(({ phrases }) => !phrases.some(p => text.includes(p))).map(({ no, phrases }) => `slide ${no}: "${phrases[0]}"`)
    expect(missing).toEqual([])
  })

  it('the public build is made for its sub-path (--base): every asset URL carries it', () => {
    const served = deck('public')
    const html = readFileSync(path.join(served.dir, 'index.html'), 'utf8')
    const urls = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map(m => m[1]!)
    expect(urls.length).toBeGreaterThan(0)
    const local = urls.filter(u => !/^(?:https?:)?\/\//.test(u) && !u.startsWith('data:'))
    expect(local.filter(u => !u.startsWith(served.base))).toEqual([])
    // No link to another host in the page itself (fonts, favicon, CDN scripts).
    expect(urls.filter(u => /^(?:https?:)?\/\//.test(u))).toEqual([])
  })
})
