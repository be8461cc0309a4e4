// Builds the deck once for the whole browser suite and serves the builds on free ports:
//   public     `npm run build` (--without-notes), made for a sub-path with --base, served under it
//   presenter  `npm run build:presenter` (notes included), served at /
//   bad-chart  tests/fixtures/bad-chart-data/slides.md (a deck fed broken figures)
// The build commands are read from package.json, so the tests exercise the real scripts.
// No Chromium: the tests that need it skip with the reason (the build checks still run), except
// under CI=true where a missing Chromium or poppler-utils is an error.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import type { TestProject } from 'vitest/node'
import { CHROMIUM_HELP, findChromium } from '../../scripts/chromium.mjs'
import { type RunningServer, startServer } from '../../scripts/serve.mjs'
import type { BrowserEnv, ServedDeck } from './env'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BUILDS = path.join(ROOT, 'test-results', 'builds')
/** The public build is made for, and served under, a sub-path: proves `--base` builds work. */
export const PUBLIC_BASE = '/talks/amazon-openai/'
const FIXTURE = path.join('tests', 'fixtures', 'bad-chart-data', 'slides.md')

const isCI = /^(?:1|true|yes)$/i.test(process.env.CI ?? '')

function log(message: string) {
  process.stderr.write(`[browser tests] ${message}\n`)
}

/** The arguments of a package.json script that runs `slidev …`, with --out replaced. */
function slidevScript(name: string, out: string, extra: string[] = []): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }
  const script = pkg.scripts?.[name]
  if (!script)
    throw new Error(`package.json has no "${name}" script`)
  const tokens = script.trim().split(/\s+/)
  if (tokens[0] !== 'slidev' || /[;&|<>$`]/.test(script))
    throw new Error(`The "${name}" script must be a single \`slidev …\` command for the tests to reuse it, got: ${script}`)
  const args: string[] = []
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token === '--out' || token === '-o')
      i++
    else if (!token.startsWith('--out='))
      args.push(token)
  }
  return [...args, '--out', out, ...extra]
}

function slidev(args: string[]): Promise<void> {
  const bin = path.join(ROOT, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => { output += d })
    child.stderr.on('data', (d) => { output += d })
    child.on('error', reject)
    child.on('exit', code => code === 0
      ? resolve()
      : reject(new Error(`slidev ${args.join(' ')} exited with ${code}\n${output.slice(-6000)}`)))
  })
}

async function build(label: string, args: string[], out: string): Promise<void> {
  if (process.env.DECK_TEST_REUSE_BUILDS && existsSync(path.join(out, 'index.html'))) {
    log(`reusing ${path.relative(ROOT, out)} (DECK_TEST_REUSE_BUILDS is set)`)
    return
  }
  rmSync(out, { recursive: true, force: true })
  const started = Date.now()
  await slidev(args)
  log(`built ${label} in ${((Date.now() - started) / 1000).toFixed(1)}s: slidev ${args.join(' ')}`)
}

function hasPoppler(): boolean {
  return ['pdfinfo', 'pdftotext', 'pdftoppm'].every(tool => !spawnSync(tool, ['-v'], { stdio: 'ignore' }).error)
}

function served(server: RunningServer): ServedDeck {
  return { url: server.url, origin: server.origin, base: server.base, dir: server.dir }
}

export default async function setup(project: TestProject) {
  const env: BrowserEnv = { root: ROOT, ci: isCI }
  let chromium: string | undefined
  try {
    chromium = findChromium()
  }
  catch (error) {
    if (isCI)
      throw error
    env.skip = (error as Error).message
  }
  if (!chromium && !env.skip) {
    if (isCI)
      throw new Error(`CI=true and the browser tests cannot run.\n${CHROMIUM_HELP}`)
    env.skip = `no Chromium on this machine. ${CHROMIUM_HELP.replace(/\n/g, ' ')}`
  }
  if (env.skip)
    log(`SKIPPING the tests that need Chromium: ${env.skip}`)
  env.chromium = chromium

  if (!hasPoppler() && !env.skip) {
    if (isCI)
      throw new Error('CI=true and poppler-utils (pdfinfo, pdftotext, pdftoppm) are missing: sudo apt-get install poppler-utils')
    env.pdfSkip = 'poppler-utils (pdfinfo, pdftotext, pdftoppm) not installed: sudo apt-get install poppler-utils'
    log(`SKIPPING the PDF checks: ${env.pdfSkip}`)
  }

  mkdirSync(BUILDS, { recursive: true })
  const out = {
    public: path.join(BUILDS, 'public'),
    presenter: path.join(BUILDS, 'presenter'),
    fixture: path.join(BUILDS, 'bad-chart-data'),
  }
  const started = Date.now()
  await build('public deck', slidevScript('build', out.public, ['--base', PUBLIC_BASE]), out.public)
  await build('presenter deck', slidevScript('build:presenter', out.presenter), out.presenter)
  try {
    await build('bad-chart-data fixture', ['build', FIXTURE, '--without-notes', '--out', out.fixture], out.fixture)
  }
  catch (error) {
    env.fixtureError = (error as Error).message
    log(`fixture build failed (the chart error test will fail): ${env.fixtureError.split('\n')[0]}`)
  }
  log(`builds ready in ${((Date.now() - started) / 1000).toFixed(1)}s`)

  const servers: RunningServer[] = []
  const publicServer = await startServer({ dir: out.public, base: PUBLIC_BASE })
  servers.push(publicServer)
  const presenterServer = await startServer({ dir: out.presenter })
  servers.push(presenterServer)
  env.public = served(publicServer)
  env.presenter = served(presenterServer)
  if (!env.fixtureError) {
    const fixtureServer = await startServer({ dir: out.fixture })
    servers.push(fixtureServer)
    env.fixture = served(fixtureServer)
  }
  project.provide('browserEnv', env)

  return async () => {
    await Promise.all(servers.map(server => server.close()))
  }
}
