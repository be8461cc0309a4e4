// Types for serve.mjs (the TypeScript tests import it; the project has no allowJs).
export interface ServeOptions {
  /** built deck, default "dist" */
  dir?: string
  /** URL prefix the deck was built for (`slidev build --base`); default: read from its index.html */
  base?: string
  /** default 127.0.0.1 */
  host?: string
  /** default 0 (a free port) */
  port?: number
  log?: boolean
}
export interface RunningServer {
  /** http://host:port/base/ */
  url: string
  /** http://host:port */
  origin: string
  base: string
  port: number
  dir: string
  close: () => Promise<void>
}
export declare function normalizeBase(base: string | undefined): string
export declare function detectBase(dir: string): string
export declare function startServer(options?: ServeOptions): Promise<RunningServer>
export declare function parseArgs(argv: string[]): ServeOptions
