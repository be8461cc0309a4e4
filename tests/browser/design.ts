// Measures what the back of the room sees on one shown slide: the tallest empty band, text sizes
// as rendered on screen, the WCAG contrast of every piece of text against what lies behind it, and
// the grid: neighbouring boxes' first lines level, leading, the sizes used, room above the footer.
import type { Page } from 'playwright-core'

export interface DesignReport {
  /** Tallest horizontal band with no content, as a share of the slide height (0–1). */
  emptyBand: number
  /** Texts under 28 px on screen: "17.2px <p.arithmetic> "Our arithmetic…"". */
  tiny: string[]
  /** Body texts under 36 px on screen. */
  smallBody: string[]
  /** Texts under WCAG AA: 4.5:1, or 3:1 for large text. */
  lowContrast: string[]
  /** Distinct sizes of the HTML text on screen, whole px, smallest first (the type scale, per slide). */
  sizes: number[]
  /** Body texts whose line-height is under LEADING times their size. */
  tightLeading: string[]
  /** Neighbouring boxes whose first lines start more than ALIGN_PX apart. */
  misaligned: string[]
  /** Content closer than FOOTER_GAP_PX to the footer rule. */
  nearFooter: string[]
  /** Elements drawn through a CSS filter (a filter shifts a logo's brand colours). */
  filtered: string[]
  /** Logo and icon paths under 1.5:1 against what is behind them: ink lost on the background. */
  faintInk: string[]
}

/** Least line-height, as a multiple of the font size, for body text and list items. */
export const LEADING = 1.3
/** Most the first lines of neighbouring boxes may differ, in screen px. */
export const ALIGN_PX = 4
/** Least room between content and the footer rule, in screen px. */
export const FOOTER_GAP_PX = 40
/** Most distinct text sizes across the deck: cover, title, box heading, body, secondary, label. */
export const TYPE_SCALE_MAX = 6
/** Containers whose children are neighbouring boxes. */
export const ROWS = '.tiles, .grid-2, .chain, .chart-split'
/** Headings, set tighter than body text on purpose. */
export const HEADINGS = 'h1, h2, h3, .tile-figure, .panel-title, .side-title'

/** Text that may be smaller than body text, though never under 28 px: labels, captions, footers, sources, code. */
export const SECONDARY = '.kicker, .tag, .deck-footer, .arithmetic, .chart-foot, .fact-sheet, .slidev-code, .credits, svg'

export async function measureDesign(page: Page, no: number, scope = '#slideshow'): Promise<DesignReport> {
  const limits = { leading: LEADING, alignPx: ALIGN_PX, footerGap: FOOTER_GAP_PX, rows: ROWS, headings: HEADINGS }
  return page.evaluate(({ scope, no, secondary, limits }) => {
    const slide = document.querySelector(scope)!.querySelector<HTMLElement>(`.slidev-page[data-slidev-no="${no}"]`)!
    const box = slide.getBoundingClientRect()
    const name = (el: Element) => `<${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].slice(0, 2).join('.')}` : ''}> "${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`
    const rgba = (css: string): number[] | undefined => {
      const m = css.match(/rgba?\(([^)]+)\)/) ?? css.match(/color\(srgb ([^)]+)\)/)
      if (!m)
        return undefined
      const parts = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number)
      const scale = css.startsWith('color(') ? 255 : 1
      return [parts[0]! * scale, parts[1]! * scale, parts[2]! * scale, parts[3] ?? 1]
    }
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
    }
    /** The opaque colour behind an element: its backgrounds composited up to the page. */
    const backdrop = (el: Element): number[] => {
      const layers: number[][] = []
      for (let node: Element | null = el; node; node = node.parentElement) {
        const bg = rgba(getComputedStyle(node).backgroundColor)
        if (bg && bg[3]! > 0)
          layers.push(bg)
        if (bg && bg[3] === 1)
          break
      }
      let colour = [255, 255, 255]
      for (const layer of layers.reverse())
        colour = colour.map((c, i) => c * (1 - layer[3]!) + layer[i]! * layer[3]!)
      return colour
    }

    const list = (): string[] => []
    const report = { emptyBand: 0, tiny: list(), smallBody: list(), lowContrast: list(), sizes: [] as number[], tightLeading: list(), misaligned: list(), nearFooter: list(), filtered: list(), faintInk: list() }
    const sizes = new Set<number>()
    const footer = slide.querySelector('.deck-footer')
    const rule = footer ? footer.getBoundingClientRect().top : Number.POSITIVE_INFINITY
    const tooLow = (el: Element, bottom: number) => {
      if (!footer?.contains(el) && bottom > rule - limits.footerGap)
        report.nearFooter.push(`slide ${no}: ${name(el)} ends ${(rule - bottom).toFixed(0)}px above the footer rule`)
    }
    const bands: [number, number][] = []
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
    const seen = new Set<Element>()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !node.textContent?.trim())
        continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0)
      const style = getComputedStyle(el)
      if (!rects.length || style.visibility === 'hidden' || Number(style.opacity) === 0)
        continue
      rects.forEach(r => bands.push([r.top, r.bottom]))
      if (seen.has(el))
        continue
      seen.add(el)
      tooLow(el, Math.max(...rects.map(r => r.bottom)))
      // Size as drawn on screen: CSS size times the slide's scale (SVG text: times the SVG's own scale).
      const svg = el.closest('svg')
      const scale = svg ? (svg.getScreenCTM()?.a ?? 1) : box.width / slide.offsetWidth
      const px = Number.parseFloat(style.fontSize) * scale
      // The type scale is the HTML text's; a diagram's labels scale with the drawing.
      if (!svg)
        sizes.add(Math.round(px))
      const leading = Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize)
      if (!svg && !el.closest(limits.headings) && !(leading >= limits.leading))
        report.tightLeading.push(`line-height ${style.lineHeight} on ${style.fontSize} ${name(el)}`)
      if (px < 28)
        report.tiny.push(`${px.toFixed(1)}px ${name(el)}`)
      else if (px < 36 && !el.closest(secondary))
        report.smallBody.push(`${px.toFixed(1)}px ${name(el)}`)
      const fg = rgba(svg ? (style.fill !== 'none' ? style.fill : style.color) : style.color)
      if (!fg)
        continue
      const bg = backdrop(el)
      const mixed = fg.slice(0, 3).map((c, i) => c * fg[3]! + bg[i]! * (1 - fg[3]!))
      const [hi, lo] = [luminance(mixed), luminance(bg)].sort((a, b) => b - a)
      const ratio = (hi! + 0.05) / (lo! + 0.05)
      const designPx = px / (box.width / slide.offsetWidth)
      const large = designPx >= 24 || (designPx >= 18.66 && Number(style.fontWeight) >= 700)
      if (ratio < (large ? 3 : 4.5))
        report.lowContrast.push(`${ratio.toFixed(2)}:1 ${name(el)}`)
    }
    for (const el of slide.querySelectorAll('canvas, svg, img')) {
      const r = el.getBoundingClientRect()
      if (r.height > 0 && !el.parentElement?.closest('svg')) {
        bands.push([r.top, r.bottom])
        tooLow(el, r.bottom)
      }
    }
    for (const el of slide.querySelectorAll('.tile, .panel, .chain-step, .takeaway'))
      tooLow(el, el.getBoundingClientRect().bottom)
    // Neighbouring boxes: where the first line of text in each starts.
    const firstLine = (box: Element): number | undefined => {
      const texts = document.createTreeWalker(box, NodeFilter.SHOW_TEXT)
      for (let node = texts.nextNode(); node; node = texts.nextNode()) {
        if (!node.textContent?.trim())
          continue
        const range = document.createRange()
        range.selectNodeContents(node)
        const rect = [...range.getClientRects()].find(r => r.width > 0 && r.height > 0)
        if (rect)
          return rect.top
      }
      return undefined
    }
    // Side by side: boxes of one container whose edges start at the same height.
    const sideBySide = new Map<string, { box: Element, top: number }[]>()
    slide.querySelectorAll(limits.rows).forEach((row, r) => {
      for (const box of row.children) {
        // A chart's first text is its source line under the drawing: the drawing itself starts at the top.
        if (box.querySelector('.chart-frame'))
          continue
        const top = firstLine(box)
        const key = `${r}:${Math.round(box.getBoundingClientRect().top / 4)}`
        if (top !== undefined)
          sideBySide.set(key, [...(sideBySide.get(key) ?? []), { box, top }])
      }
    })
    for (const boxes of sideBySide.values()) {
      const sorted = [...boxes].sort((a, b) => a.top - b.top)
      const [high, low] = [sorted[0]!, sorted.at(-1)!]
      const apart = (low.top - high.top).toFixed(0)
      if (low.top - high.top > limits.alignPx)
        report.misaligned.push(`slide ${no}: ${name(low.box)} starts ${apart}px below ${name(high.box)}`)
    }
    report.sizes = [...sizes].sort((a, b) => a - b)
    for (const el of slide.querySelectorAll('*')) {
      if (getComputedStyle(el).filter !== 'none')
        report.filtered.push(`${name(el)} filter: ${getComputedStyle(el).filter}`)
    }
    // Icons and logos (inline SVG outside the diagrams, which set their own colours from the palette).
    for (const path of slide.querySelectorAll('svg:not(figure svg) path')) {
      const fill = rgba(getComputedStyle(path).fill)
      if (!fill || fill[3] === 0 || path.getClientRects().length === 0)
        continue
      const [hi, lo] = [luminance(fill), luminance(backdrop(path.closest('svg')!))].sort((a, b) => b - a)
      if ((hi! + 0.05) / (lo! + 0.05) < 1.5)
        report.faintInk.push(`${name(path.closest('svg')!)} path ${getComputedStyle(path).fill}`)
    }
    // The tallest stretch of the slide's height that no content covers.
    const edges = bands.map(([a, b]) => [Math.max(a, box.top), Math.min(b, box.bottom)]).sort((x, y) => x[0]! - y[0]!)
    let reach = box.top
    let widest = 0
    for (const [top, bottom] of edges) {
      widest = Math.max(widest, top! - reach)
      reach = Math.max(reach, bottom!)
    }
    widest = Math.max(widest, box.bottom - reach)
    report.emptyBand = Number((widest / box.height).toFixed(3))
    return report
  }, { scope, no, secondary: SECONDARY, limits })
}
