// The remote gate's start (scripts/remote-gate.ts): `npm run present:remote` refuses a missing or short
// password, or one given after --remote, saying why and how, and never echoes it. What a stranger and the
// presenter get from the running server is tests/browser/remote.test.ts.
import process from 'node:process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MIN_PASSWORD_LENGTH, remoteGate } from '../../scripts/remote-gate'

const argv = process.argv

/** The gate's configureServer on a dev server listening on `host`, started with `args`. */
function start(password: string | undefined, args: string[], host = 'localhost') {
  vi.stubEnv('SLIDEV_REMOTE_PASSWORD', password)
  process.argv = ['node', 'slidev', ...args]
  const used: unknown[] = []
  const server = { config: { server: { host } }, middlewares: { use: (handler: unknown) => used.push(handler) } }
  const configure = remoteGate().configureServer as (server: unknown) => unknown
  configure(server)
  return used.length
}

describe('the remote gate at start', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    process.argv = argv
  })

  it(`refuses a password under ${MIN_PASSWORD_LENGTH} characters, or none, saying why and how`, () => {
    for (const password of ['eleven-char', undefined]) {
      const error = (() => {
        try {
          start(password, ['--remote'])
        }
        catch (thrown) {
          return String(thrown)
        }
      })()
      expect(error).toMatch(/SLIDEV_REMOTE_PASSWORD must be at least 12 characters/)
      expect(error).toMatch(/used nowhere else, e\.g\. .*SLIDEV_REMOTE_PASSWORD=\S{12,} npm run present:remote/)
      expect(error).not.toContain('eleven-char')
    }
  })

  it('refuses a password given after --remote (Slidev would print and serve it)', () => {
    expect(() => start('a-long-enough-password', ['--remote', 'a-long-enough-password'])).toThrow(/not after --remote/)
  })

  it('guards every request once started with --remote or beyond loopback, and stays out of a local dev server', () => {
    expect(start('a-long-enough-password', ['--remote'])).toBe(1)
    expect(start('a-long-enough-password', [], '0.0.0.0')).toBe(1)
    expect(start(undefined, [])).toBe(0)
  })
})
