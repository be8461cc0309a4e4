// What the browser suite's global setup hands to the tests (vitest provide/inject).
import path from 'node:path'

/**
 * The export scripts the global setup runs, one after another, into EXPORTS_DIR (one at a time: the suite
 * is bound by the two cores, and a second chain only slowed the rest). Not export:clicks, export:short,
 * export:summary and the presenter's PowerPoint: the same export paths as `export` and the audience's
 * PowerPoint (`npm run exports:under-load` runs every script).
 */
export const EXPORTS = ['export:html', 'export:pptx:audience', 'export', 'export:handout'] as const
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
  /** The one Chromium the test files share, started by the global setup: its Playwright endpoint. */
  browserEndpoint?: string
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
