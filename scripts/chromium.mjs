// @ts-check
// The one place that finds and launches Chromium, for the exports, the browser tests and the bench.
// playwright-core never downloads a browser here: we use the system Chromium (Debian/Ubuntu paths),
// or whatever CHROMIUM_PATH points to.
import { accessSync, constants } from 'node:fs'
import process from 'node:process'
import { pathToFileURL } from 'node:url'

/** Where Debian/Ubuntu (and Google's package) put Chromium, in order of preference. */
export const CHROMIUM_CANDIDATES = Object.freeze([
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
])

/**
 * Flags that let Chromium run as root in a container, offline, without phoning home.
 * (playwright-core adds --no-sandbox itself unless chromiumSandbox is set; we pass it explicitly
 * so the flags are the same wherever this list is used.)
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
])

export const CHROMIUM_HELP = [
  'No Chromium found.',
  `Looked at: $CHROMIUM_PATH (unset), ${CHROMIUM_CANDIDATES.join(', ')}.`,
  'Install one with `sudo apt-get install chromium` (Debian/Ubuntu),',
  'or point CHROMIUM_PATH at a Chromium/Chrome executable: CHROMIUM_PATH=/path/to/chrome npm run export',
].join('\n')

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK)
    return true
  }
  catch {
    return false
  }
}

/**
 * The Chromium executable to use, or undefined when there is none.
 * CHROMIUM_PATH wins; if it is set but not executable, that is an error (a typo should not silently
 * fall back to another browser).
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | undefined}
 */
export function findChromium(env = process.env) {
  const override = env.CHROMIUM_PATH?.trim()
  if (override) {
    if (!isExecutable(override))
      throw new Error(`CHROMIUM_PATH is set to ${override}, but that is not an executable file.\n${CHROMIUM_HELP.split('\n').slice(2).join('\n')}`)
    return override
  }
  return CHROMIUM_CANDIDATES.find(isExecutable)
}

/**
 * Like findChromium, but throws the install hint when there is none.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
export function requireChromium(env = process.env) {
  const found = findChromium(env)
  if (!found)
    throw new Error(CHROMIUM_HELP)
  return found
}

/**
 * Launches the system Chromium through playwright-core with the offline/root flags.
 * @param {import('playwright-core').LaunchOptions} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium(options = {}) {
  const { chromium } = await import('playwright-core')
  return chromium.launch({
    headless: true,
    ...options,
    executablePath: options.executablePath ?? requireChromium(),
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  })
}

// `node scripts/chromium.mjs` prints the path it would use (or the hint, exit 1).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(requireChromium())
  }
  catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
}
