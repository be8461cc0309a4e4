// `npm run present:remote` (scripts/remote-gate.ts) as a stranger and as the presenter, on 127.0.0.1: the gate
// trusts no address, so loopback stands in for the network (its refusal of a weak password is a unit test). The dev server runs under ./no-outbound.mjs,
// which refuses and records any connection, DNS query or datagram it tries off this machine.

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { spawnCollecting } from '../../scripts/spawn-collecting.mjs'
import { slides } from '../deck-source'
import { browserEnv, closeQuietly, connectBrowser, describeBrowser, parseSlideUrl, slideSelector } from './helpers'

const ROOT = browserEnv().root
const PASSWORD = 'remote-test-passphrase'
const PRELOAD = pathToFileURL(path.join(import.meta.dirname, 'no-outbound.mjs'))
const OUTBOUND_LOG = path.join(mkdtempSync(path.join(tmpdir(), 'deck-remote-')), 'outbound.log')
/** The start of every speaker note: none may reach a stranger. */
const NOTES = slides.flatMap(s => s.note?.trim() ? [s.note.trim().slice(0, 40)] : [])

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** `npm run present:remote` on 127.0.0.1, under the no-outbound preload, in its own process group. */
function presentRemote(password: string | undefined, port: number) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${PRELOAD}`,
    DECK_OUTBOUND_LOG: OUTBOUND_LOG,
  }
  delete env.SLIDEV_REMOTE_PASSWORD
  if (password !== undefined)
    env.SLIDEV_REMOTE_PASSWORD = password
  const args = ['run', 'present:remote', '--', '--port', String(port), '--bind', '127.0.0.1']
  return spawnCollecting('npm', args, { cwd: ROOT, env, detached: true })
}

/** Resolves with the origin once the server answers, within two minutes; rejects if it exits first. */
function whenUp(server: ReturnType<typeof presentRemote>, origin: string): Promise<string> {
  const deadline = Date.now() + 120_000
  return new Promise((resolve, reject) => {
    void server.done.then(({ code, output }) => reject(new Error(`present:remote exited with ${code}:\n${output}`)))
    const poll = () => fetch(`${origin}/`).then(() => resolve(origin), () => {
      if (Date.now() > deadline)
        return reject(new Error(`present:remote did not answer within 2 minutes:\n${server.output()}`))
      setTimeout(poll, 250)
    })
    poll()
  })
}

/** Opens `url` in a new page, signs in on the gate's form, waits for `selector`; lists the writes refused. */
async function signIn(context: BrowserContext, url: string, selector: string, refused: string[]): Promise<Page> {
  const page = await context.newPage()
  page.on('response', response => response.status() === 405 && refused.push(response.url()))
  await page.goto(url)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Enter' }).click()
  await page.locator(selector).first().waitFor({ timeout: 120_000 })
  return page
}

describeBrowser('remote presenting behind the gate', () => {
  let server: ReturnType<typeof presentRemote>
  let up: Promise<string>
  let browser: Browser

  beforeAll(async () => {
    const port = await freePort()
    server = presentRemote(PASSWORD, port)
    up = whenUp(server, `http://127.0.0.1:${port}`)
    up.catch(() => {})
    browser = await connectBrowser()
  })
  afterAll(async () => {
    await closeQuietly(browser)
    if (server?.child.pid && server.child.exitCode === null)
      process.kill(-server.child.pid, 'SIGTERM')
  })

  it('gives a stranger only the password form: no deck, source, notes, config, MCP or HMR socket', async () => {
    const origin = await up
    const asked = ['/', '/1', '/presenter/1', '/@slidev/configs', '/slides.md', `/@fs${path.join(ROOT, 'slides.md')}`, '/snippets/facts.ts', '/@vite/client', '/__slidev/slides/1.json']
    for (const url of asked) {
      const response = await fetch(`${origin}${url}`)
      const body = await response.text()
      expect(response.status, url).toBe(401)
      expect(body, url).toContain('<form method="post"')
      expect(body).not.toContain(PASSWORD)
      for (const note of NOTES)
        expect(body, url).not.toContain(note)
    }
    const mcp = await fetch(`${origin}/__mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    })
    expect(mcp.status).toBe(401)
    expect(await mcp.text()).not.toMatch(/slidev-(?:update|insert|remove|move|goto)/)
    const wrong = await fetch(`${origin}/`, { method: 'POST', body: new URLSearchParams({ password: `${PASSWORD}x` }) })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('set-cookie')).toBeNull()
    // Vite's HMR socket (path /, protocol vite-hmr) carries the slide, clicks and timer every view follows.
    const hmr = await new Promise<string>((resolve) => {
      const socket = new WebSocket(origin.replace('http:', 'ws:'), 'vite-hmr')
      socket.onopen = () => {
        socket.close()
        resolve('opened')
      }
      socket.onerror = () => resolve('refused')
    })
    expect(hmr).toBe('refused')
  })

  it('lets the presenter in: strict HttpOnly cookie, read-only, the phone drives the room, nothing leaves the machine', async () => {
    const origin = await up
    const login = await fetch(`${origin}/presenter/1?password=${PASSWORD}`, {
      method: 'POST',
      body: new URLSearchParams({ password: PASSWORD }),
      redirect: 'manual',
    })
    expect(login.status).toBe(303)
    expect(login.headers.get('location')).toBe('/presenter/1')
    const cookie = login.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^deck_remote=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict$/)
    expect(cookie).not.toContain(PASSWORD)
    const session = { cookie: cookie.split(';')[0]! }
    const configs = await fetch(`${origin}/@slidev/configs`, { headers: session })
    expect(configs.status).toBe(200)
    const config = await configs.text()
    expect(config).toContain('"mcp":false')
    expect(config).not.toContain(PASSWORD)
    // Slidev's note editor writes slides.md through this route (a slide that does not exist: 404 if not refused).
    const edit = await fetch(`${origin}/__slidev/slides/999.json`, { method: 'POST', headers: session, body: '{}' })
    expect(edit.status).toBe(405)

    // The laptop signs in too (no address is trusted); then the phone's next button moves the audience view.
    const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' })
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' })
    const refused: string[] = []
    const [audience, remote] = await Promise.all([
      signIn(laptop, `${origin}/1`, slideSelector(1), refused),
      signIn(phone, `${origin}/presenter/1`, '.slidev-presenter', refused),
    ])
    expect(remote.url()).toBe(`${origin}/presenter/1`)
    const gateCookie = (await phone.cookies()).find(c => c.name === 'deck_remote')
    expect(gateCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    // On a cold server a view's first sync can land after the first tap and put both back on slide 1: tap again then.
    const slideNo = (page: Page) => parseSlideUrl(page.url(), '/').no
    await expect.poll(async () => {
      if (slideNo(remote) === 1)
        await remote.getByRole('button', { name: 'Go to next slide' }).tap()
      return [slideNo(remote), slideNo(audience)]
    }, { timeout: 60_000, interval: 1000 }).toEqual([2, 2])
    expect(audience.url()).not.toContain(PASSWORD)
    expect(refused, 'the views posted something the read-only gate refused').toEqual([])
    // A whole session, and no connection, DNS query or datagram left this machine (no public-IP lookup).
    // Printed after the point where Slidev would look the public IP up; no password, right or wrong, is logged.
    expect(server.output()).toMatch(/remote control/)
    expect(server.output()).not.toContain(PASSWORD)
    expect(readFileSync(OUTBOUND_LOG, { encoding: 'utf8', flag: 'a+' })).toBe('')
  }, 300_000) // a cold dev server compiles the deck for the first two views
})
