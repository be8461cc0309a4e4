// The gate of `npm run present:remote`. Whenever the dev server is started with `--remote` or listens beyond
// loopback, every HTTP request and every WebSocket upgrade (Vite's HMR socket carries Slidev's shared slide,
// clicks and timer) needs a session cookie, which a small form hands out for SLIDEV_REMOTE_PASSWORD. No address
// is trusted, this laptop's included. Once in, the only write is Slidev's shared slide state (vue-server-ref posts
// each move to /@server-reactive/nav): no request changes a project file.

import type { Buffer } from 'node:buffer'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Plugin } from 'vite'
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import process from 'node:process'

export const MIN_PASSWORD_LENGTH = 12
const COOKIE = 'deck_remote'
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1'])
const NAV_STATE = /^\/@server-reactive\/nav(?:\?|$)/
// One random session per process, kept across Slidev's in-process restarts (which reload this module).
const SESSION_KEY = Symbol.for('deck.remote-session')
const holder = globalThis as { [SESSION_KEY]?: string }
const session = (holder[SESSION_KEY] ??= randomBytes(32).toString('base64url'))

/** Constant-time string comparison (both sides hashed first, so their lengths do not leak either). */
function same(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(a), digest(b))
}

/** What follows `--remote` in the dev server's arguments: undefined without the flag, '' for the bare flag. */
function remoteArgument(argv: readonly string[]): string | undefined {
  const at = argv.findIndex(a => /^--remote(?:=|$)/.test(a))
  const next = argv[at + 1] ?? ''
  return at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.slice(9) : next.startsWith('-') ? '' : next
}

/** Why the gate cannot be set up with this password and arguments, or undefined when it can. */
function passwordProblem(password: string | undefined, remote: string | undefined): string | undefined {
  if (remote) {
    return 'Give the password in SLIDEV_REMOTE_PASSWORD, not after --remote: Slidev would print it, serve it '
      + 'to every page and ask public servers for this machine\'s IP address. Use `npm run present:remote`.'
  }
  const length = password?.length ?? 0
  if (length < MIN_PASSWORD_LENGTH) {
    return `SLIDEV_REMOTE_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters (it has ${length}): `
      + 'the server is open to the whole network and the password is all that keeps others off the notes '
      + 'and the projector. Pick a new one used nowhere else, e.g. four random words: '
      + 'SLIDEV_REMOTE_PASSWORD=walnut-ferry-copper-lamp npm run present:remote'
  }
}

function signedIn(req: IncomingMessage): boolean {
  const cookie = /(?:^|;\s*)deck_remote=([^;]*)/.exec(req.headers.cookie ?? '')?.[1]
  return cookie !== undefined && same(cookie, session)
}

function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
  res.end(body)
}

function loginPage(message: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Password needed</title>
<style>body{font:1.25rem/1.4 system-ui;max-width:22em;margin:12vh auto;padding:0 1em}
input,button{display:block;width:100%;box-sizing:border-box;font:inherit;padding:.6em;margin-top:.5em}</style>
<h1>Password needed</h1><form method="post"><p>${message}</p>
<label>Password<input name="password" type="password" autocomplete="current-password" required autofocus></label>
<button>Enter</button></form></html>`
}

/** Where to go after signing in: the page asked for, on this server, without any password in its query. */
function cleanTarget(url = '/'): string {
  const target = new URL(url, 'http://deck.invalid')
  target.searchParams.delete('password')
  return target.origin === 'http://deck.invalid' ? target.pathname + target.search : '/'
}

async function signIn(req: IncomingMessage, res: ServerResponse, password: string) {
  let body = ''
  for await (const chunk of req) {
    body += chunk
    if (body.length > 4096)
      return reply(res, 413, loginPage('That request was too large.'))
  }
  if (!same(new URLSearchParams(body).get('password') ?? '', password))
    return reply(res, 401, loginPage('Wrong password. This deck is being presented; ask the presenter.'))
  reply(res, 303, '', {
    'Location': cleanTarget(req.url),
    'Set-Cookie': `${COOKIE}=${session}; Path=/; HttpOnly; SameSite=Strict`,
  })
}

/** Lets an upgrade through to Vite's (and any other) listeners only with the session cookie. */
function gateUpgrades(http: Server) {
  const listeners = http.listeners('upgrade') as ((req: IncomingMessage, socket: Duplex, head: Buffer) => void)[]
  http.removeAllListeners('upgrade')
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!signedIn(req))
      return socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    for (const listener of listeners)
      listener.call(http, req, socket, head)
  })
}

export function remoteGate(): Plugin {
  return {
    name: 'deck:remote-gate',
    apply: 'serve',
    enforce: 'pre',
    configureServer(server) {
      const remote = remoteArgument(process.argv)
      const host = server.config.server.host ?? 'localhost'
      if (remote === undefined && typeof host === 'string' && LOOPBACK.has(host))
        return
      const password = process.env.SLIDEV_REMOTE_PASSWORD ?? ''
      const problem = passwordProblem(password, remote)
      if (problem)
        throw new Error(problem)
      server.middlewares.use((req, res, next) => {
        if (!signedIn(req)) {
          return req.method === 'POST'
            ? void signIn(req, res, password).catch(() => req.destroy())
            : reply(res, 401, loginPage('Enter the presenter\'s password to open this deck.'))
        }
        if (req.method === 'GET' || req.method === 'HEAD' || (req.method === 'POST' && NAV_STATE.test(req.url ?? '')))
          return next()
        reply(res, 405, 'Read-only while presenting remotely: no request may change the project.')
      })
      // After every plugin's configureServer, so Vite's HMR listener and any other are all behind the gate.
      return () => {
        if (server.httpServer)
          gateUpgrades(server.httpServer as Server)
      }
    },
  }
}
