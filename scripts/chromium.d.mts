// Types for chromium.mjs (the TypeScript tests import it; the project has no allowJs).
import type { Browser, LaunchOptions } from 'playwright-core'

export declare const CHROMIUM_CANDIDATES: readonly string[]
export declare const CHROMIUM_ARGS: readonly string[]
export declare const CHROMIUM_HELP: string
export declare function findChromium(env?: NodeJS.ProcessEnv): string | undefined
export declare function requireChromium(env?: NodeJS.ProcessEnv): string
export declare function launchChromium(options?: LaunchOptions): Promise<Browser>
