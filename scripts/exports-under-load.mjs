// @ts-check
// Runs every export script N times while two busy loops keep both cores of a laptop busy, and
// prints how many runs of each passed its checks (and how many at the first try, without the retry):
//   npm run exports:under-load -- [--runs 5] [--only export,export:pptx]
// Files go to a temporary folder (DECK_EXPORT_DIR); the busy loops end with the script.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'

const SCRIPTS = ['export', 'export:clicks', 'export:pptx', 'export:handout', 'export:html']
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } } })
const runs = Number(values.runs)
const only = values.only?.split(',') ?? SCRIPTS
const unknown = only.filter(name => !SCRIPTS.includes(name))
if (!Number.isInteger(runs) || runs < 1 || unknown.length) {
  console.error(`usage: --runs <n ≥ 1> --only <${SCRIPTS.join(',')}>${unknown.length ? ` (unknown: ${unknown})` : ''}`)
  process.exit(2)
}

const dir = mkdtempSync(path.join(tmpdir(), 'exports-under-load-'))
const busy = [0, 1].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }))
const stop = () => busy.forEach(child => child.kill())
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => { stop(); process.exit(1) })
const load = () => loadavg().map(n => n.toFixed(1)).join(' ')
console.log(`${runs} runs of ${only.join(', ')} under 2 busy loops; load average at start ${load()}`)
/** @type {{ script: string, passed: number, first: number, seconds: number[] }[]} */
const rows = []
try {
  for (const script of only) {
    const row = { script, passed: 0, first: 0, seconds: /** @type {number[]} */ ([]) }
    rows.push(row)
    for (let i = 1; i <= runs; i++) {
      const started = Date.now()
      const result = spawnSync('npm', ['run', '--silent', script], { env: { ...process.env, DECK_EXPORT_DIR: dir }, encoding: 'utf8', maxBuffer: 1 << 26 })
      const ok = result.status === 0
      const retried = /Making it once more/.test(`${result.stdout}${result.stderr}`)
      row.passed += ok ? 1 : 0
      row.first += ok && !retried ? 1 : 0
      row.seconds.push((Date.now() - started) / 1000)
      console.log(`${script} run ${i}: ${ok ? (retried ? 'passed at the second try' : 'passed') : `FAILED\n${result.stderr.slice(-600)}`} (${row.seconds.at(-1)?.toFixed(0)} s, load ${load()})`)
    }
  }
}
finally {
  stop()
  rmSync(dir, { recursive: true, force: true })
}
console.log(`\n| script | passed | at first try | median s |\n| --- | --- | --- | --- |`)
for (const { script, passed, first, seconds } of rows)
  console.log(`| ${script} | ${passed}/${runs} | ${first}/${runs} | ${seconds.sort((a, b) => a - b)[Math.floor(seconds.length / 2)]?.toFixed(0)} |`)
console.log(`load average at the end ${load()}`)
process.exitCode = rows.every(row => row.passed === runs) ? 0 : 1
