// The one Chromium lookup (scripts/chromium.mjs): CHROMIUM_PATH first, and a wrong one is an error.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findChromium } from '../../scripts/chromium.mjs'

describe('scripts/chromium.mjs', () => {
  it('cHROMIUM_PATH wins when it is an executable', () => {
    const fake = path.join(mkdtempSync(path.join(tmpdir(), 'chromium-')), 'my-chrome')
    writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 })
    expect(findChromium({ CHROMIUM_PATH: fake })).toBe(fake)
  })

  it('a CHROMIUM_PATH that is not executable is an error, not a silent fallback', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chrome' })).toThrow(/CHROMIUM_PATH is set to \/nonexistent\/chrome/)
  })
})
