// @ts-check
// Runs every export script N times while two busy loops keep both cores of a laptop busy, and
// prints how many runs of each passed its checks (and how many at the first try, without the retry):
//   npm run exports:under-load -- [--runs 5] [--only export,export:pptx]
// Files go to a temporary folder (DECK_EXPORT_DIR); the busy loops end with the script.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { spawnCollecting } from './spawn-collecting.mjs'

// Every export script package.json has (export, export:clicks, export:pptx:audience, …), not the ones
// that only run others (export:pptx runs both PowerPoint scripts).
const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const SCRIPTS = Object.keys(scripts).filter(name => /^export(?::|$)/.test(name) && !scripts[name].startsWith('npm run'))
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } } })
const runs = Number(values.runs)
const only = values.only?.split(',') ?? SCRIPTS
const unknown = only.filter(name => !SCRIPTS.includes(name))
if (!Number.isInteger(runs) || runs < 1 || unknown.length) {
  console.error(`usage: --runs <n ≥ 1> --only <${SCRIPTS.join(',')}>`, unknown.length ? `(unknown: ${unknown})` : '')
  process.exit(2)
}

const dir = mkdtempSync(path.join(tmpdir(), 'exports-under-load-'))
const busy = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }))
/** @type {import('node:child_process').ChildProcess | undefined} */
let current
function stop() {
  busy.forEach(child => child.kill())
  if (current?.pid && current.exitCode === null)
    process.kill(-current.pid) // the export's process group: npm, Slidev and its Chromium
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    stop()
    process.exit(1)
  })
}

/** `npm run <script>` in its own process group: whether it passed, and its output. */
async function runScript(/** @type {string} */ script) {
  const env = { ...process.env, DECK_EXPORT_DIR: dir }
  const run = spawnCollecting('npm', ['run', '--silent', script], { env, detached: true })
  current = run.child
  const { code, output } = await run.done
  return { ok: code === 0, output }
}

const load = () => loadavg().map(n => n.toFixed(1)).join(' ')
console.log(`${runs} runs of ${only.join(', ')} under 2 busy loops; load average at start ${load()}`)
const rows = []
try {
  for (const script of only) {
    const row = { script, passed: 0, first: 0, seconds: /** @type {number[]} */ ([]) }
    rows.push(row)
    for (let i = 1; i <= runs; i++) {
      const started = Date.now()
      const { ok, output } = await runScript(script)
      const retried = /Making it once more/.test(output)
      row.passed += ok ? 1 : 0
      row.first += ok && !retried ? 1 : 0
      row.seconds.push((Date.now() - started) / 1000)
      const verdict = ok ? (retried ? 'passed at the second try' : 'passed') : `FAILED\n${output.slice(-800)}`
      console.log(`${script} run ${i}: ${verdict} (${row.seconds.at(-1)?.toFixed(0)} s, load ${load()})`)
    }
  }
}
finally {
  stop()
  rmSync(dir, { recursive: true, force: true })
}
console.log('\n| script | passed | at first try | median s |\n| --- | --- | --- | --- |')
for (const { script, passed, first, seconds } of rows) {
  const median = seconds.sort((a, b) => a - b)[Math.floor(seconds.length / 2)] ?? 0
  console.log(`| ${script} | ${passed}/${runs} | ${first}/${runs} | ${median.toFixed(0)} |`)
}
console.log(`load average at the end ${load()}`)
process.exitCode = rows.every(row => row.passed === runs) ? 0 : 1
