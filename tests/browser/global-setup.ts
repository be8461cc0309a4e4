// Builds each deck once for the whole browser suite and serves it with Vite's preview server
// (what `npm run serve` runs) on 127.0.0.1:
//   public     `npm run build` (--without-notes), built for a sub-path with --base and served under it
//   presenter  `npm run build:presenter` (notes included), served at /
// The commands come from package.json, so the tests build the way the scripts do. Before the builds it
// starts the export scripts, one after another, to run beside everything else; exports.test.ts (last)
// reads them. After them it starts the one Chromium that every test file connects to.
// Without Chromium the browser tests skip with the reason, except under CI=true where it is an error.

import type { ChildProcess } from 'node:child_process'
import type { TestProject } from 'vitest/node'
import type { BrowserEnv } from './env'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { CHROMIUM_HELP, findChromium, launchChromiumServer } from '../../scripts/chromium.mjs'
import { startServer } from '../../scripts/preview.mjs'
import { spawnCollecting } from '../../scripts/spawn-collecting.mjs'
import { EXPORTS, EXPORTS_DIR } from './env'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BUILDS = path.join(ROOT, 'test-results', 'builds')
export const PUBLIC_BASE = '/talks/amazon-openai/'
const isCI = /^(?:1|true|yes)$/i.test(process.env.CI ?? '')

const log = (message: string) => process.stderr.write(`[browser tests] ${message}\n`)

/** The slidev arguments of a package.json script, its --out replaced by `out`. */
function scriptArgs(name: string, out: string): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
  const [bin, ...args] = (scripts[name] ?? '').trim().split(/\s+/)
  if (bin !== 'slidev')
    throw new Error(`The "${name}" script must be one \`slidev …\` command for the tests to reuse it, got: ${scripts[name]}`)
  const outAt = args.indexOf('--out')
  if (outAt >= 0)
    args.splice(outAt, 2)
  return [...args, '--out', out]
}

/** Runs slidev into `out`, unless DECK_TEST_REUSE_BUILDS is set and a build is already there. */
async function build(args: string[], out: string): Promise<void> {
  if (process.env.DECK_TEST_REUSE_BUILDS && existsSync(path.join(out, 'index.html')))
    return
  rmSync(out, { recursive: true, force: true })
  const started = Date.now()
  const bin = path.join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
  const { code, output } = await spawnCollecting(process.execPath, [bin, ...args], { cwd: ROOT }).done
  if (code !== 0)
    throw new Error(`slidev ${args.join(' ')} exited with ${code}\n${output.slice(-6000)}`)
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)}s: slidev ${args.join(' ')}`)
}

export default async function setup(project: TestProject) {
  const env: BrowserEnv = { root: ROOT, ci: isCI, chromium: findChromium() }
  if (!env.chromium)
    env.skip = CHROMIUM_HELP
  if (!['pdfinfo', 'pdftotext', 'pdftoppm'].every(tool => !spawnSync(tool, ['-v'], { stdio: 'ignore' }).error))
    env.pdfSkip = 'poppler-utils (pdfinfo, pdftotext, pdftoppm) not installed: sudo apt-get install poppler-utils'
  if (isCI && (env.skip || env.pdfSkip))
    throw new Error(`CI=true and the browser tests cannot run: ${env.skip ?? env.pdfSkip}`)
  for (const reason of [env.skip, env.pdfSkip].filter(Boolean))
    log(`SKIPPING: ${reason}`)

  // A run of named test files makes the exports only when exports.test.ts or one-file.test.ts is among them.
  const named = process.argv.slice(2).filter(arg => /\.test\.ts$|^tests\//.test(arg))
  const wanted = !named.length || named.some(arg => /exports|one-file/.test(arg))
  // The exports need no build: they start first, so the chain (the suite's longest path) runs from the start.
  const exports = env.skip || env.pdfSkip || !wanted ? undefined : startExports()
  const out = { public: path.join(BUILDS, 'public'), presenter: path.join(BUILDS, 'presenter') }
  await build([...scriptArgs('build', out.public), '--base', PUBLIC_BASE], out.public)
  await build(scriptArgs('build:presenter', out.presenter), out.presenter)
  const servers = [await startServer({ dir: out.public, base: PUBLIC_BASE }), await startServer({ dir: out.presenter })]
  const [publicDeck, presenterDeck] = servers.map(({ close: _close, ...served }) => served)
  // One Chromium for every test file (each opens its own contexts): a launch costs about 2 s of CPU.
  const browser = env.skip ? undefined : await launchChromiumServer({ executablePath: env.chromium })
  Object.assign(env, { public: publicDeck, presenter: presenterDeck, browserEndpoint: browser?.wsEndpoint() })
  project.provide('browserEnv', env)
  return async () => {
    exports?.stop()
    await Promise.all([...servers.map(server => server.close()), browser?.close()])
  }
}

/**
 * Runs each export script in turn (`npm run <script>`, files into EXPORTS_DIR) and writes
 * `<script>.json` there, { code, output }, when it ends.
 */
function startExports() {
  rmSync(EXPORTS_DIR, { recursive: true, force: true })
  mkdirSync(EXPORTS_DIR, { recursive: true })
  let child: ChildProcess | undefined
  let stopped = false
  void (async () => {
    for (const script of EXPORTS) {
      if (stopped)
        return
      const started = Date.now()
      const env = { ...process.env, DECK_EXPORT_DIR: EXPORTS_DIR }
      const run = spawnCollecting('npm', ['run', '--silent', script], { cwd: ROOT, detached: true, env })
      child = run.child
      const result = await run.done
      writeFileSync(path.join(EXPORTS_DIR, `${script}.json`), JSON.stringify(result))
      log(`npm run ${script}: exit ${result.code} in ${((Date.now() - started) / 1000).toFixed(1)}s`)
    }
  })()
  return {
    stop() {
      stopped = true
      if (child?.pid && child.exitCode === null)
        process.kill(-child.pid) // npm, Slidev and its Chromium
    },
  }
}
