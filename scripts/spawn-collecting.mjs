// @ts-check
// The one way the scripts and tests run a child process whose output they need: stdout and stderr
// collected into one string (and echoed, if asked), its end as { code, output }.
import { spawn } from 'node:child_process'
import process from 'node:process'

/**
 * Starts `command`; `done` resolves once it has ended and its output is all read, with its exit code
 * (1 when it was killed or could not start, the reason then in the output).
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions & { echo?: boolean }} [options]
 */
export function spawnCollecting(command, args, options = {}) {
  const { echo = false, ...spawnOptions } = options
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  for (const [from, to] of /** @type {const} */ ([[child.stdout, process.stdout], [child.stderr, process.stderr]])) {
    from?.on('data', (/** @type {Buffer} */ data) => {
      output += data
      if (echo)
        to.write(data)
    })
  }
  child.on('error', (error) => {
    output += String(error)
    if (echo)
      process.stderr.write(`${error}\n`)
  })
  /** @type {Promise<{ code: number, output: string }>} */
  const done = new Promise(resolve => child.on('close', code => resolve({ code: code ?? 1, output })))
  return { child, done, output: () => output }
}
