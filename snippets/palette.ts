// One palette for the whole deck, light and dark. Each colour means one thing:
// a company's colour marks only that company; `accent` marks everything generic; `risk` marks risk.
// Charts and the triangle read it directly; setup/main.ts turns it into CSS variables for slide text.
import type { Company } from './facts'

export interface Palette {
  readonly mode: 'light' | 'dark'
  readonly background: string
  /** Tiles and panels sit on this. */
  readonly surface: string
  readonly text: string
  readonly muted: string
  /** Hairlines and borders: decoration only, never text. */
  readonly rule: string
  /** Neutral accent for anything that belongs to no company (kickers, generic tiles, takeaways). */
  readonly accent: string
  /** Comparators in a chart (companies that are context, not the subject). */
  readonly other: string
  readonly risk: string
  readonly company: Readonly<Record<Company | 'nvidia', string>>
}

const LIGHT: Palette = {
  mode: 'light',
  background: '#ffffff',
  surface: '#f3f5f8',
  text: '#141a22',
  muted: '#4a5563',
  rule: '#d5dbe3',
  accent: '#3d4f66',
  other: '#5f6b7a',
  risk: '#b3261e',
  // eslint-disable-next-line style/max-len -- data
  company: { amazon: '#a8500a', microsoft: '#0063b1', openai: '#0b7563', nvidia: '#4a7a00', xai: '#5f6b7a', anthropic: '#5f6b7a' },
}

const DARK: Palette = {
  mode: 'dark',
  background: '#121821',
  surface: '#1c2430',
  text: '#eef2f6',
  muted: '#b4bfcc',
  rule: '#354152',
  accent: '#a9bcd4',
  other: '#9aa5b3',
  risk: '#ff8f86',
  // eslint-disable-next-line style/max-len -- data
  company: { amazon: '#ffab4c', microsoft: '#5cb3ff', openai: '#3fd0b0', nvidia: '#a6d85a', xai: '#9aa5b3', anthropic: '#9aa5b3' },
}

export function paletteFor(isDark: boolean): Palette {
  return isDark ? DARK : LIGHT
}

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const channels = [1, 3, 5].map(i => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
    const [r, g, bl] = channels.map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** CSS custom properties for slide text, generated from this palette. */
export function paletteCss(): string {
  const vars = (p: Palette) => [
    `--deck-bg:${p.background}`,
    `--deck-surface:${p.surface}`,
    `--deck-text:${p.text}`,
    `--deck-muted:${p.muted}`,
    `--deck-rule:${p.rule}`,
    `--deck-accent:${p.accent}`,
    `--deck-other:${p.other}`,
    `--deck-risk:${p.risk}`,
    ...Object.entries(p.company).map(([name, colour]) => `--deck-${name}:${colour}`),
  ].join(';')
  return `:root{${vars(LIGHT)}}html.dark{${vars(DARK)}}`
}
