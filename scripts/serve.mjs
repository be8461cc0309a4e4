// @ts-check
// Serves a built deck for presenting, with no dev tooling and no dependency:
//   node scripts/serve.mjs [dir] [--base /sub/path/] [--port 4173] [--host 127.0.0.1]
// Slide URLs (/3, /presenter/3, /overview) fall back to index.html, as Slidev's history router needs;
// a missing file that looks like an asset (has an extension) is a real 404, so broken links show up.
// The base path defaults to the one the deck was built with (read from its index.html).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'

/** @type {Record<string, string>} */
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.wasm': 'application/wasm',
}

/**
 * "/", "/deck", "deck/" and "/deck/" all become "/deck/" (or "/").
 * @param {string | undefined} base
 */
export function normalizeBase(base) {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}

/**
 * The base a Slidev/Vite build was made with, read from the entry script of its index.html.
 * @param {string} dir
 * @returns {string}
 */
export function detectBase(dir) {
  const index = path.join(dir, 'index.html')
  if (!existsSync(index))
    return '/'
  const html = readFileSync(index, 'utf8')
  const match = html.match(/<script[^>]+src="([^"]*?)assets\/[^"]+\.js"/)
  const prefix = match?.[1]
  return prefix && prefix.startsWith('/') ? normalizeBase(prefix) : '/'
}

/**
 * @typedef {object} ServeOptions
 * @property {string} [dir] built deck, default "dist"
 * @property {string} [base] URL prefix the deck was built for (`slidev build --base`); default: detected
 * @property {string} [host] default 127.0.0.1
 * @property {number} [port] default 0 (a free port)
 * @property {boolean} [log] log each request
 */

/**
 * @typedef {object} RunningServer
 * @property {string} url  http://host:port/base/
 * @property {string} origin  http://host:port
 * @property {string} base
 * @property {number} port
 * @property {string} dir
 * @property {() => Promise<void>} close
 */

/**
 * @param {ServeOptions} [options]
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options = {}) {
  const dir = path.resolve(options.dir ?? 'dist')
  const index = path.join(dir, 'index.html')
  if (!existsSync(index))
    throw new Error(`No built deck in ${dir} (index.html missing). Run \`npm run build\` first.`)
  const base = options.base ? normalizeBase(options.base) : detectBase(dir)
  const host = options.host ?? '127.0.0.1'

  const server = createServer((req, res) => {
    const started = Date.now()
    res.on('finish', () => {
      if (options.log)
        console.log(`${res.statusCode} ${req.method} ${req.url} ${Date.now() - started}ms`)
    })
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Allow': 'GET, HEAD', 'Content-Type': 'text/plain' }).end('Method not allowed')
      return
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    let pathname
    try {
      pathname = decodeURIComponent(url.pathname)
    }
    catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request')
      return
    }
    if (`${pathname}/` === base) {
      res.writeHead(301, { Location: base + url.search }).end()
      return
    }
    if (!pathname.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found. The deck is served under ${base}`)
      return
    }
    const relative = pathname.slice(base.length)
    const file = path.resolve(dir, `.${path.posix.sep}${relative}`)
    if (file !== dir && !file.startsWith(dir + path.sep)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden')
      return
    }
    let target = file
    let isFile = existsSync(target) && statSync(target).isFile()
    if (!isFile && existsSync(target) && statSync(target).isDirectory() && existsSync(path.join(target, 'index.html'))) {
      target = path.join(target, 'index.html')
      isFile = true
    }
    if (!isFile) {
      const last = relative.split('/').pop() ?? ''
      if (/\.[a-z0-9]+$/i.test(last)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}`)
        return
      }
      target = index // a slide route: let the router handle it
    }
    const type = MIME[path.extname(target).toLowerCase()] ?? 'application/octet-stream'
    const immutable = target.startsWith(path.join(dir, 'assets') + path.sep)
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': statSync(target).size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    createReadStream(target).pipe(res)
  })

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve(undefined))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : Number(options.port)
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    url: `${origin}${base}`,
    origin,
    base,
    port,
    dir,
    close: () => new Promise((resolve, reject) => {
      server.closeAllConnections()
      server.close(error => (error ? reject(error) : resolve()))
    }),
  }
}

/**
 * @param {string[]} argv
 * @returns {ServeOptions}
 */
export function parseArgs(argv) {
  /** @type {ServeOptions} */
  const options = { port: Number(process.env.PORT ?? 4173), log: true }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined]
    const value = () => inline ?? argv[++i]
    if (flag === '--base')
      options.base = value()
    else if (flag === '--port' || flag === '-p')
      options.port = Number(value())
    else if (flag === '--host')
      options.host = value()
    else if (flag === '--dir')
      options.dir = value()
    else if (flag === '--quiet')
      options.log = false
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node scripts/serve.mjs [dir=dist] [--base /sub/path/] [--port 4173] [--host 127.0.0.1] [--quiet]')
      process.exit(0)
    }
    else if (!arg.startsWith('-'))
      options.dir = arg
    else
      throw new Error(`Unknown option ${arg}`)
  }
  if (!Number.isInteger(options.port) || Number(options.port) < 0)
    throw new Error(`--port must be a number, got ${options.port}`)
  return options
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const running = await startServer(parseArgs(process.argv.slice(2)))
    console.log(`Serving ${path.relative(process.cwd(), running.dir) || '.'} at ${running.url}`)
    console.log(`  audience:  ${running.url}1`)
    console.log(`  presenter: ${running.url}presenter/1  (notes only in a presenter build: npm run build:presenter)`)
    const stop = () => running.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  }
  catch (error) {
    const err = /** @type {NodeJS.ErrnoException} */ (error)
    if (err.code === 'EADDRINUSE')
      console.error(`Port in use. Pick another: npm run serve -- --port 4174 (or PORT=4174).`)
    else
      console.error(err.message ?? err)
    process.exit(1)
  }
}
