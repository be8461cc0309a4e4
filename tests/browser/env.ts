// What the browser suite's global setup hands to the tests (vitest provide/inject).
import path from 'node:path'

/**
 * The export scripts the global setup runs into EXPORTS_DIR: two chains side by side, each script after
 * the one before it. Not export:clicks and export:short: the same `slidev export` path as `export`, of
 * the same slides (`npm run exports:under-load` runs every script).
 */
export const EXPORT_CHAINS = [['export:html', 'export:pptx'], ['export', 'export:handout', 'export:summary']] as const
export const EXPORTS_DIR = path.resolve(import.meta.dirname, '../../test-results/exports')
export interface ServedDeck {
  /** http://127.0.0.1:port/base/ */
  url: string
  /** http://127.0.0.1:port */
  origin: string
  base: string
  /** the build on disk */
  dir: string
}

export interface BrowserEnv {
  root: string
  ci: boolean
  /** Why the whole browser suite is skipped (no Chromium, not under CI). */
  skip?: string
  /** Why the PDF checks are skipped (no poppler-utils, not under CI). */
  pdfSkip?: string
  chromium?: string
  /** `npm run build` (--without-notes), built and served under a sub-path. */
  public?: ServedDeck
  /** `npm run build:presenter` (with notes), served at /. */
  presenter?: ServedDeck
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserEnv: BrowserEnv
  }
}
