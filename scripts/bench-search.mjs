// @ts-check
// Time per keystroke of the presenter's search (`/`), for `npm run bench -- --only search`: builds the
// presenter's copy (the search runs over its notes), opens /presenter/1 and types each query one key at
// a time. A keystroke counts from its keydown to the frame after it, painted with the updated results.
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { launchChromium } from './chromium.mjs'
import { startServer } from './preview.mjs'

const QUERIES = ['microsoft block', 'trainium', 'azure credits', 'graphics processors', 'zeppelin']

/** @param {string} root the deck @param {string} slidev its CLI @param {string} dist the presenter's build */
export async function searchKeystrokes(root, slidev, dist) {
  const build = spawnSync(process.execPath, [slidev, 'build', '--out', dist], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0)
    throw new Error(`the presenter build failed:\n${build.stderr.slice(-2000)}`)
  const server = await startServer({ dir: dist })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } })
    await page.goto(`${server.url}presenter/1`)
    await page.locator('.presenter-search-toggle').waitFor({ timeout: 60_000 })
    await page.evaluate(() => {
      const times = /** @type {number[]} */ ([])
      Object.assign(window, { __keystrokes: times })
      addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' && (/** @type {HTMLElement} */ (event.target)).closest('#presenter-search'))
          requestAnimationFrame(() => setTimeout(() => times.push(performance.now() - event.timeStamp)))
      }, { capture: true })
    })
    for (const query of QUERIES) {
      await page.keyboard.press('/')
      await page.locator('#presenter-search input').fill('')
      for (const key of query) {
        await page.keyboard.press(key === ' ' ? 'Space' : key)
        await page.waitForTimeout(30)
      }
      await page.keyboard.press('Escape')
    }
    const times = /** @type {number[]} */ (await page.evaluate(() => /** @type {any} */ (window).__keystrokes))
    const sorted = [...times].sort((a, b) => a - b)
    const median = sorted[(sorted.length - 1) >> 1] ?? Number.NaN
    return { queries: QUERIES, keystrokes: times.length, median, worst: sorted.at(-1) ?? Number.NaN, times }
  }
  finally {
    await browser.close()
    await server.close()
  }
}
