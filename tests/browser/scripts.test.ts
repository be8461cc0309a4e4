// The presenting/exporting scripts' own logic (no browser needed).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_CANDIDATES, CHROMIUM_HELP, findChromium, requireChromium } from '../../scripts/chromium.mjs'
import { detectBase, normalizeBase, parseArgs } from '../../scripts/serve.mjs'

describe('scripts/chromium.mjs', () => {
  it('looks at the Debian/Ubuntu paths, in order', () => {
    expect(CHROMIUM_CANDIDATES.slice(0, 3)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'])
  })

  it('launches with the flags that work as root and offline', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining([
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ]))
  })

  it('CHROMIUM_PATH wins when it is an executable', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'chromium-'))
    const fake = path.join(dir, 'my-chrome')
    writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 })
    expect(findChromium({ CHROMIUM_PATH: fake })).toBe(fake)
  })

  it('a CHROMIUM_PATH that is not executable is an error, not a silent fallback', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chrome' })).toThrow(/CHROMIUM_PATH is set to \/nonexistent\/chrome/)
  })

  it('says how to get a Chromium when there is none', () => {
    expect(CHROMIUM_HELP).toMatch(/apt-get install chromium/)
    expect(CHROMIUM_HELP).toMatch(/CHROMIUM_PATH/)
    if (!findChromium({}))
      expect(() => requireChromium({})).toThrow(/apt-get install chromium/)
  })
})

describe('scripts/serve.mjs', () => {
  it('normalizes base paths', () => {
    expect(normalizeBase(undefined)).toBe('/')
    expect(normalizeBase('/')).toBe('/')
    expect(normalizeBase('deck')).toBe('/deck/')
    expect(normalizeBase('/talks/deck')).toBe('/talks/deck/')
    expect(normalizeBase('/talks/deck/')).toBe('/talks/deck/')
  })

  it('reads the base a deck was built with from its index.html', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deck-'))
    writeFileSync(path.join(dir, 'index.html'), '<script type="module" crossorigin src="/talks/deck/assets/index-abc.js"></script>')
    expect(detectBase(dir)).toBe('/talks/deck/')
    writeFileSync(path.join(dir, 'index.html'), '<script type="module" crossorigin src="/assets/index-abc.js"></script>')
    expect(detectBase(dir)).toBe('/')
  })

  it('parses its command line', () => {
    expect(parseArgs(['dist-presenter', '--base', '/x/', '--port=0', '--host', '0.0.0.0'])).toMatchObject({ dir: 'dist-presenter', base: '/x/', port: 0, host: '0.0.0.0' })
    expect(() => parseArgs(['--nope'])).toThrow(/Unknown option/)
  })
})
