// @ts-check
// Serves a static build with Vite's preview server (what `npm run serve` runs) on 127.0.0.1 and a
// free port, for the browser tests and the bench.
import path from 'node:path'
import { preview } from 'vite'

/** @param {{ dir: string, base?: string }} options */
export async function startServer({ dir, base = '/' }) {
  const server = await preview({
    configFile: false,
    root: path.resolve(import.meta.dirname, '..'),
    base,
    logLevel: 'warn',
    build: { outDir: path.resolve(dir) },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  })
  const address = server.httpServer.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return { url: `${origin}${base}`, origin, base, dir, close: () => server.close() }
}
