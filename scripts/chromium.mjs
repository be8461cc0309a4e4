// @ts-check
// The one Chromium lookup, for the exports, the browser tests and the bench: $CHROMIUM_PATH, then
// Debian's /usr/bin/chromium. playwright-core never downloads a browser here.
import { accessSync, constants } from 'node:fs'
import process from 'node:process'

export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** Flags that let Chromium run as root in a container, offline, without phoning home. */
export const CHROMIUM_ARGS = Object.freeze(
  '--no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'
    .split(' '),
)

export const CHROMIUM_HELP = `No Chromium at $CHROMIUM_PATH or ${DEFAULT_CHROMIUM}. `
  + 'Install it (sudo apt-get install chromium) or set CHROMIUM_PATH=/path/to/chrome.'

/**
 * The Chromium to use, or undefined when there is none. A CHROMIUM_PATH that is set but not
 * executable is an error: a typo should not fall back to another browser.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | undefined} the executable's path
 */
export function findChromium(env = process.env) {
  const override = env.CHROMIUM_PATH?.trim()
  for (const file of override ? [override] : [DEFAULT_CHROMIUM]) {
    try {
      accessSync(file, constants.X_OK)
      return file
    }
    catch {}
  }
  if (override)
    throw new Error(`CHROMIUM_PATH is set to ${override}, but that is not an executable file.`)
  return undefined
}

/** @param {NodeJS.ProcessEnv} [env] */
export function requireChromium(env = process.env) {
  const found = findChromium(env)
  if (!found)
    throw new Error(CHROMIUM_HELP)
  return found
}

/**
 * The system Chromium through playwright-core, with the offline/root flags.
 * @param {import('playwright-core').LaunchOptions} [options]
 */
export async function launchChromium(options = {}) {
  const { chromium } = await import('playwright-core')
  return chromium.launch(withFlags(options))
}

/**
 * The same Chromium as a server that other processes connect to (the browser tests share one).
 * @param {import('playwright-core').LaunchOptions} [options]
 */
export async function launchChromiumServer(options = {}) {
  const { chromium } = await import('playwright-core')
  return chromium.launchServer(withFlags(options))
}

/** @param {import('playwright-core').LaunchOptions} options */
function withFlags(options) {
  const executablePath = options.executablePath ?? requireChromium()
  return { ...options, executablePath, args: [...CHROMIUM_ARGS, ...(options.args ?? [])] }
}
