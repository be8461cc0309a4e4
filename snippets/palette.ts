// One palette for the whole deck, in a light and a dark variant.
// Charts and the triangle take a Palette from Slidev's dark-mode flag; styles/index.css mirrors
// the same values as CSS variables for slide text.

export type Company = 'openai' | 'amazon' | 'microsoft' | 'xai' | 'anthropic' | 'nvidia'

export interface Palette {
  readonly mode: 'light' | 'dark'
  readonly text: string
  readonly muted: string
  readonly grid: string
  readonly background: string
  /** Fill for a "floor" figure (the part that could be higher). */
  readonly floorHatch: string
  readonly warning: string
  readonly company: Readonly<Record<Company, string>>
}

export const LIGHT: Palette = {
  mode: 'light',
  text: '#1c2430',
  muted: '#5b6675',
  grid: 'rgba(28, 36, 48, 0.12)',
  background: '#ffffff',
  floorHatch: 'rgba(13, 122, 95, 0.28)',
  warning: '#b42318',
  company: {
    openai: '#0d7a5f',
    amazon: '#c46a00',
    microsoft: '#0067b8',
    xai: '#4a5568',
    anthropic: '#b85c3c',
    nvidia: '#5a8f00',
  },
}

export const DARK: Palette = {
  mode: 'dark',
  text: '#e8edf3',
  muted: '#a3aebb',
  grid: 'rgba(232, 237, 243, 0.14)',
  background: '#121820',
  floorHatch: 'rgba(52, 211, 153, 0.30)',
  warning: '#ff8a80',
  company: {
    openai: '#34d399',
    amazon: '#ffa94d',
    microsoft: '#4cb2ff',
    xai: '#b8c2cc',
    anthropic: '#f0a07f',
    nvidia: '#a3d65c',
  },
}

export function paletteFor(isDark: boolean): Palette {
  return isDark ? DARK : LIGHT
}

/** CSS custom properties for slide text, generated from the same palette the charts use. */
export function paletteCss(): string {
  const vars = (p: Palette) => [
    `--deck-text:${p.text}`,
    `--deck-muted:${p.muted}`,
    `--deck-grid:${p.grid}`,
    `--deck-bg:${p.background}`,
    `--deck-warning:${p.warning}`,
    ...Object.entries(p.company).map(([name, colour]) => `--deck-${name}:${colour}`),
  ].join(';')
  return `:root{${vars(LIGHT)}}html.dark{${vars(DARK)}}`
}
