// The Slidev seam (snippets/slidev-seam.ts, patches/): each private Slidev name the deck relies on is
// still where Slidev defines it, no code uses one the seam does not list, and every patched package is
// pinned to the version its patch was made against.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SEAM_SOURCES } from '../../snippets/slidev-seam'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8')
const SKIP = /^(?:node_modules|dist.*|exports|public|patches|bench-results|test-results|\..*)$/

/** The project's own code: components, setup, styles, scripts, tests, root files. */
function projectFiles(dir = ''): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory())
      return SKIP.test(entry.name) ? [] : projectFiles(file)
    return /\.(?:ts|vue|css|mjs)$/.test(entry.name) && file !== path.join('snippets', 'slidev-seam.ts') ? [file] : []
  })
}

describe('the Slidev seam', () => {
  it.each(SEAM_SOURCES)('slidev still defines %s in %s', (name, file, text) => {
    const message = `Slidev seam: "${name}" is no longer in node_modules/${file} (looked for ${JSON.stringify(text)}). `
      + 'Slidev changed a private name the deck relies on: find its new name, update snippets/slidev-seam.ts, '
      + 'and check the presenter view and the exports by eye.'
    expect(read(path.join('node_modules', file)).includes(text), message).toBe(true)
  })

  it('lists every slidev-* name the deck\'s code uses', () => {
    const listed = new Set(SEAM_SOURCES.map(([name]) => name))
    const names = /(?<![\w-])(?:data-)?slidev-[a-z\d]+(?:-[a-z\d]+)*/g
    const unlisted = projectFiles().flatMap(file => [...read(file).matchAll(names)].map(m => m[0]).filter(name => name !== 'slidev-seam' && !listed.has(name)).map(name => `${name} (${file})`))
    expect([...new Set(unlisted)], 'private Slidev names used but not listed in snippets/slidev-seam.ts').toEqual([])
  })

  it('pins every patched package to the version its patch was made for', () => {
    const manifest = JSON.parse(read('package.json')) as {
      devDependencies: Record<string, string>
      overrides: Record<string, string>
      scripts: Record<string, string>
    }
    const pins = { ...manifest.devDependencies, ...manifest.overrides }
    const patches = readdirSync(path.join(ROOT, 'patches')).filter(file => file.endsWith('.patch'))
    expect(patches.length).toBeGreaterThan(0)
    for (const file of patches) {
      const [, name = '', version] = file.match(/^(.+)\+(\d[^+]*)\.patch$/) ?? []
      const pkg = name.replace('+', '/')
      expect(pins[pkg], `patches/${file}: ${pkg} must be pinned exactly in package.json`).toBe(version)
      expect(JSON.parse(read(`node_modules/${pkg}/package.json`)).version, `installed ${pkg}`).toBe(version)
    }
    expect(manifest.scripts.postinstall).toBe('patch-package --error-on-fail')
  })
})
