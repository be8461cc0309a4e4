// Geometry of the Amazon / Microsoft / OpenAI partnership triangle.
// Pure TypeScript: no Vue, no Slidev. The component in components/PartnershipTriangle.vue only draws
// what this module returns, so layout, figures and the click build are all testable in plain Vitest.
// Every figure in a label is read from the facts table through format.ts; none is typed in here.
import type { FactTable } from './facts'
import { FACTS } from './facts'
import { figureText } from './format'
import type { Company } from './palette'

/** Clicks the slide needs for the full build; the slide's frontmatter must say `clicks: 4`. */
export const TRIANGLE_CLICKS = 4

/** Design size of the drawing, in viewBox units (= px at slide scale when the figure is 560×400). */
export const TRIANGLE_SIZE = { width: 560, height: 400 } as const

export interface Size {
  readonly width: number
  readonly height: number
}

export type CornerId = 'amazon' | 'microsoft' | 'openai'
export type EdgeId = 'microsoft-openai' | 'amazon-openai' | 'amazon-microsoft'
export type SatelliteId = 'nvidia' | 'anthropic'
export type TextAnchor = 'start' | 'middle' | 'end'

export interface Point {
  readonly x: number
  readonly y: number
}

/** Axis-aligned box: left, top, right, bottom. */
export interface Box {
  readonly left: number
  readonly top: number
  readonly right: number
  readonly bottom: number
}

export interface Segment {
  readonly from: Point
  readonly to: Point
}

export interface LabelLine {
  readonly text: string
  /** Drawn bold: names and figures. */
  readonly strong: boolean
  /** In viewBox units (px at slide scale at the design size). */
  readonly fontSize: number
}

/**
 * A block of text lines. `x` is where the text anchor sits, `y` the vertical centre of the first line
 * (the component draws with dominant-baseline: central); line i is at y + i * lineHeight.
 */
export interface Label {
  readonly lines: readonly LabelLine[]
  readonly x: number
  readonly y: number
  readonly anchor: TextAnchor
  readonly lineHeight: number
}

/** Anything drawn in the build: it appears at `click` and stays. */
export interface Revealed {
  readonly click: number
}

export interface TriangleNode extends Revealed {
  readonly kind: 'node'
  readonly id: CornerId
  readonly company: Company
  readonly x: number
  readonly y: number
  readonly r: number
  /** Name (and cloud) written inside the circle. */
  readonly label: Label
}

export interface TriangleEdge extends Revealed {
  readonly kind: 'edge'
  readonly id: EdgeId
  readonly from: CornerId
  readonly to: CornerId
  /** SVG path from circle rim to circle rim. */
  readonly d: string
  readonly segment: Segment
  /** Dashed = not real yet (talks). */
  readonly dashed: boolean
  /** Stroke colour key; null = neutral (text colour). */
  readonly company: Company | null
  readonly label: Label
}

export interface TriangleSatellite extends Revealed {
  readonly kind: 'satellite'
  readonly id: SatelliteId
  readonly company: Company
  /** The corner the satellite is linked to. */
  readonly attachedTo: CornerId
  readonly x: number
  readonly y: number
  readonly r: number
  /** SVG path of the link, from the satellite's rim to the corner's rim. */
  readonly d: string
  readonly segment: Segment
  readonly label: Label
}

export type TriangleItem = TriangleNode | TriangleEdge | TriangleSatellite

export interface TriangleGeometry {
  readonly width: number
  readonly height: number
  /** "0 0 width height" */
  readonly viewBox: string
  readonly nodes: readonly TriangleNode[]
  readonly edges: readonly TriangleEdge[]
  readonly satellites: readonly TriangleSatellite[]
  /** Every item, in drawing order (edges and links under nodes). */
  readonly items: readonly TriangleItem[]
  /** The whole triangle in one sentence per relation, with figures: for aria-label and alt text. */
  readonly description: string
}

// ---------------------------------------------------------------------------------------------
// Type sizes (viewBox units). At the design size 1 unit = 1 px at slide scale: all text is >= 14px.

export const FONT = {
  corner: 16,
  cornerSub: 14,
  label: 15,
  satellite: 14,
} as const

export const LINE_HEIGHT = 1.25
const CORNER_R = 54
const SATELLITE_R = 9
/** Gap between a rim and the start of a line, and between a line and its label. */
const RIM_GAP = 4
const LABEL_GAP = 10

// ---------------------------------------------------------------------------------------------
// Text measurement: an estimate, deliberately on the wide side. Per-character widths in em are the
// maxima of Inter and DejaVu Sans (the fallback Chromium uses here), bold; regular text is ~0.9 of that.

const VERY_NARROW = new Set('ijlI.,:;\'|!’·')
const NARROW = new Set('frt -()[]/\\')
const WIDE = new Set('mwMW%@—')
const UPPER_LIKE = new Set('+~<>=#&^')

function charEm(ch: string): number {
  if (VERY_NARROW.has(ch))
    return 0.46
  if (NARROW.has(ch))
    return 0.49
  if (WIDE.has(ch))
    return 1.1
  if (UPPER_LIKE.has(ch) || (ch >= 'A' && ch <= 'Z'))
    return 0.85
  return 0.72
}

/** Estimated width of a line of text, in the same units as fontSize. */
export function estimateTextWidth(text: string, fontSize: number, strong = false): number {
  let em = 0
  for (const ch of text)
    em += charEm(ch)
  return em * fontSize * (strong ? 1 : 0.9)
}

/** The estimated box of one line of a label. */
export function lineBox(label: Label, index: number): Box {
  const line = label.lines[index]
  if (!line)
    throw new RangeError(`label has no line ${index}`)
  const width = estimateTextWidth(line.text, line.fontSize, line.strong)
  const cy = label.y + index * label.lineHeight
  const left = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - width : label.x - width / 2
  return { left, top: cy - label.lineHeight / 2, right: left + width, bottom: cy + label.lineHeight / 2 }
}

/** The estimated box of a whole label. */
export function labelBox(label: Label): Box {
  const boxes = label.lines.map((_, i) => lineBox(label, i))
  return {
    left: Math.min(...boxes.map(b => b.left)),
    top: Math.min(...boxes.map(b => b.top)),
    right: Math.max(...boxes.map(b => b.right)),
    bottom: Math.max(...boxes.map(b => b.bottom)),
  }
}

export function circleBox(c: { x: number, y: number, r: number }): Box {
  return { left: c.x - c.r, top: c.y - c.r, right: c.x + c.r, bottom: c.y + c.r }
}

export function boxesOverlap(a: Box, b: Box, margin = 0): boolean {
  return a.left < b.right + margin && b.left < a.right + margin && a.top < b.bottom + margin && b.top < a.bottom + margin
}

export function boxInside(inner: Box, outer: Box): boolean {
  return inner.left >= outer.left && inner.top >= outer.top && inner.right <= outer.right && inner.bottom <= outer.bottom
}

/** Whether a box lies entirely inside a circle (all four corners within the radius). */
export function boxInsideCircle(box: Box, c: { x: number, y: number, r: number }): boolean {
  return [[box.left, box.top], [box.right, box.top], [box.left, box.bottom], [box.right, box.bottom]]
    .every(([x = 0, y = 0]) => Math.hypot(x - c.x, y - c.y) <= c.r)
}

/** Whether a line segment passes through a box (Liang–Barsky clipping). */
export function segmentHitsBox(s: Segment, box: Box): boolean {
  const dx = s.to.x - s.from.x
  const dy = s.to.y - s.from.y
  let t0 = 0
  let t1 = 1
  const checks: [number, number][] = [
    [-dx, s.from.x - box.left],
    [dx, box.right - s.from.x],
    [-dy, s.from.y - box.top],
    [dy, box.bottom - s.from.y],
  ]
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0)
        return false
      continue
    }
    const t = q / p
    if (p < 0)
      t0 = Math.max(t0, t)
    else
      t1 = Math.min(t1, t)
    if (t0 > t1)
      return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// Placement

const round = (v: number) => Math.round(v * 10) / 10

function unit(dx: number, dy: number): Point {
  const len = Math.hypot(dx, dy)
  return { x: dx / len, y: dy / len }
}

/**
 * A label placed on the side `normal` points to, with the box corner nearest to `point` touching it:
 * the whole block then stays on that side of any line through `point` perpendicular to `normal`.
 */
function placeBeside(point: Point, normal: Point, lines: LabelLine[]): Label {
  const lineHeight = Math.max(...lines.map(l => l.fontSize)) * LINE_HEIGHT
  const height = lines.length * lineHeight
  const anchor: TextAnchor = normal.x > 0.35 ? 'start' : normal.x < -0.35 ? 'end' : 'middle'
  const top = normal.y < -0.35 ? point.y - height : normal.y > 0.35 ? point.y : point.y - height / 2
  return { lines, x: round(point.x), y: round(top + lineHeight / 2), anchor, lineHeight }
}

/** Text centred in a circle. */
function centred(c: Point, lines: LabelLine[]): Label {
  const lineHeight = Math.max(...lines.map(l => l.fontSize)) * LINE_HEIGHT
  return { lines, x: c.x, y: round(c.y - ((lines.length - 1) * lineHeight) / 2), anchor: 'middle', lineHeight }
}

/** The segment between two circles, from rim to rim (minus a small gap). */
function rimToRim(a: { x: number, y: number, r: number }, b: { x: number, y: number, r: number }): Segment {
  const u = unit(b.x - a.x, b.y - a.y)
  const ga = a.r + RIM_GAP
  const gb = b.r + RIM_GAP
  return {
    from: { x: round(a.x + u.x * ga), y: round(a.y + u.y * ga) },
    to: { x: round(b.x - u.x * gb), y: round(b.y - u.y * gb) },
  }
}

const pathOf = (s: Segment) => `M ${s.from.x} ${s.from.y} L ${s.to.x} ${s.to.y}`

const strong = (text: string, fontSize: number = FONT.label): LabelLine => ({ text, strong: true, fontSize })
const plain = (text: string, fontSize: number = FONT.label): LabelLine => ({ text, strong: false, fontSize })

// ---------------------------------------------------------------------------------------------
// The content. Figures come from the facts table; words are ours.

/** Corner positions as fractions of the drawing size. */
const CORNERS: Record<CornerId, { fx: number, fy: number, company: Company, name: string, cloud?: string }> = {
  openai: { fx: 0.545, fy: 0.16, company: 'openai', name: 'OpenAI' },
  amazon: { fx: 0.27, fy: 0.72, company: 'amazon', name: 'Amazon', cloud: 'AWS' },
  microsoft: { fx: 0.8, fy: 0.72, company: 'microsoft', name: 'Microsoft', cloud: 'Azure' },
}

const CORNER_ORDER: CornerId[] = ['amazon', 'microsoft', 'openai']

/** Builds the triangle for a fact table and a drawing size. Throws FactError (naming the field) on a bad figure. */
export function buildTriangle(facts: FactTable = FACTS, size: Size = TRIANGLE_SIZE): TriangleGeometry {
  const { width, height } = size
  if (!(width > 0) || !(height > 0) || !Number.isFinite(width) || !Number.isFinite(height))
    throw new RangeError(`size: expected a positive width and height, got ${width}×${height}`)

  // Figures first, so a broken table fails before anything is laid out.
  const microsoft = figureText('microsoftInOpenAI', 'short', facts)
  const amazon = figureText('amazonInOpenAI', 'long', facts)
  const anthropic = figureText('amazonInAnthropic', 'short', facts)

  const nodes: TriangleNode[] = CORNER_ORDER.map((id) => {
    const c = CORNERS[id]
    const x = round(c.fx * width)
    const y = round(c.fy * height)
    const name = strong(c.name, FONT.corner)
    const lines = c.cloud ? [name, plain(c.cloud, FONT.cornerSub)] : [name]
    return { kind: 'node', id, company: c.company, x, y, r: CORNER_R, click: 0, label: centred({ x, y }, lines) }
  })
  const node = (id: CornerId): TriangleNode => {
    const n = nodes.find(n => n.id === id)
    if (!n)
      throw new Error(`no corner ${id}`)
    return n
  }
  const centroid: Point = {
    x: nodes.reduce((s, n) => s + n.x, 0) / nodes.length,
    y: nodes.reduce((s, n) => s + n.y, 0) / nodes.length,
  }

  /** Edge label: at fraction `t` along the edge, pushed outward (away from the centroid) along the normal. */
  function edge(id: EdgeId, from: CornerId, to: CornerId, opts: {
    click: number
    dashed: boolean
    company: Company | null
    lines: LabelLine[]
    t?: number
  }): TriangleEdge {
    const a = node(from)
    const b = node(to)
    const segment = rimToRim(a, b)
    const t = opts.t ?? 0.5
    const on: Point = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t }
    let n = unit(-(b.y - a.y), b.x - a.x)
    if ((on.x - centroid.x) * n.x + (on.y - centroid.y) * n.y < 0)
      n = { x: -n.x, y: -n.y }
    const point = { x: on.x + n.x * LABEL_GAP, y: on.y + n.y * LABEL_GAP }
    return {
      kind: 'edge',
      id,
      from,
      to,
      d: pathOf(segment),
      segment,
      dashed: opts.dashed,
      company: opts.company,
      click: opts.click,
      label: placeBeside(point, n, opts.lines),
    }
  }

  const edges: TriangleEdge[] = [
    edge('microsoft-openai', 'microsoft', 'openai', {
      click: 1,
      dashed: false,
      company: 'microsoft',
      lines: [strong(microsoft), plain('Azure credits +'), plain('direct investment')],
    }),
    edge('amazon-openai', 'amazon', 'openai', {
      click: 2,
      dashed: true,
      company: 'amazon',
      // Lower than the midpoint, to leave the space near OpenAI to NVIDIA's label.
      t: 0.38,
      lines: [strong(amazon), plain('+ Trainium chips'), plain('(in talks)')],
    }),
    edge('amazon-microsoft', 'amazon', 'microsoft', {
      click: 3,
      dashed: false,
      company: null,
      lines: [strong('Cloud rivals'), plain('that also partner')],
    }),
  ]

  /** A satellite: a dot at (fx, fy), linked to a corner; its label sits on the side `side` points to. */
  function satellite(id: SatelliteId, opts: {
    attachedTo: CornerId
    company: Company
    fx: number
    fy: number
    side: Point
    lines: LabelLine[]
  }): TriangleSatellite {
    const x = round(opts.fx * width)
    const y = round(opts.fy * height)
    const dot = { x, y, r: SATELLITE_R }
    const segment = rimToRim(dot, node(opts.attachedTo))
    const side = unit(opts.side.x, opts.side.y)
    const point = { x: x + side.x * (SATELLITE_R + 4), y: y + side.y * (SATELLITE_R + 4) }
    return {
      kind: 'satellite',
      id,
      company: opts.company,
      attachedTo: opts.attachedTo,
      x,
      y,
      r: SATELLITE_R,
      d: pathOf(segment),
      segment,
      click: TRIANGLE_CLICKS,
      label: placeBeside(point, side, opts.lines),
    }
  }

  const satellites: TriangleSatellite[] = [
    satellite('nvidia', {
      attachedTo: 'openai',
      company: 'nvidia',
      fx: 0.05,
      fy: 0.16,
      side: { x: 0.5, y: 1 },
      lines: [strong('NVIDIA', FONT.satellite), plain('GPU supplier that', FONT.satellite), plain('Trainium would displace', FONT.satellite)],
    }),
    satellite('anthropic', {
      attachedTo: 'amazon',
      company: 'anthropic',
      fx: 0.05,
      fy: 0.86,
      side: { x: 0.5, y: 1 },
      lines: [strong('Anthropic', FONT.satellite), plain(`Amazon's earlier ${anthropic} bet`, FONT.satellite)],
    }),
  ]

  const description = [
    'Partnership triangle between Amazon (AWS), Microsoft (Azure) and OpenAI.',
    `Microsoft and OpenAI: ${figureText('microsoftInOpenAI', 'long', facts)} committed by Microsoft through Azure credits and direct investment.`,
    `Amazon and OpenAI, in talks, not yet agreed: ${amazon} from Amazon, plus OpenAI using Amazon's Trainium chips.`,
    'Amazon and Microsoft: cloud rivals that also partner.',
    'NVIDIA: the GPU supplier that Trainium would displace at OpenAI.',
    `Anthropic: Amazon's earlier ${anthropic} bet.`,
  ].join(' ')

  return {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    nodes,
    edges,
    satellites,
    items: [...edges, ...satellites, ...nodes],
    description,
  }
}

/** Whether an item is shown after `clicks` clicks. NaN counts as the slide's start; Infinity shows everything. */
export function visibleAt(item: Revealed, clicks: number): boolean {
  const c = Number.isNaN(clicks) ? 0 : clicks
  return c >= item.click
}

// ---------------------------------------------------------------------------------------------
// Layout check, shared by the tests and a dev-time warning.

interface Obstacle {
  readonly name: string
  readonly box: Box
  readonly owner: string
}

/**
 * Everything that would make the drawing unreadable: a label overlapping another label or a node,
 * a line running through a label, corner text not fitting its circle, anything outside the viewBox.
 * Empty when the layout is clean.
 */
export function layoutProblems(g: TriangleGeometry, margin = 2): string[] {
  const problems: string[] = []
  const view: Box = { left: 0, top: 0, right: g.width, bottom: g.height }
  const labels: Obstacle[] = [
    ...g.edges.map(e => ({ name: `label of ${e.id}`, box: labelBox(e.label), owner: e.id })),
    ...g.satellites.map(s => ({ name: `label of ${s.id}`, box: labelBox(s.label), owner: s.id })),
  ]
  const circles: Obstacle[] = [
    ...g.nodes.map(n => ({ name: `node ${n.id}`, box: circleBox(n), owner: n.id })),
    ...g.satellites.map(s => ({ name: `dot of ${s.id}`, box: circleBox(s), owner: s.id })),
  ]
  const lines = [
    ...g.edges.map(e => ({ name: `edge ${e.id}`, segment: e.segment })),
    ...g.satellites.map(s => ({ name: `link of ${s.id}`, segment: s.segment })),
  ]

  for (const o of [...labels, ...circles]) {
    if (!boxInside(o.box, view))
      problems.push(`${o.name} leaves the viewBox ${g.viewBox}`)
  }
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) {
      if (boxesOverlap(a.box, b.box, margin))
        problems.push(`${a.name} overlaps ${b.name}`)
    }
    for (const c of circles) {
      if (c.owner !== a.owner && boxesOverlap(a.box, c.box, margin))
        problems.push(`${a.name} overlaps ${c.name}`)
    }
    for (const l of lines) {
      if (segmentHitsBox(l.segment, a.box))
        problems.push(`${l.name} runs through ${a.name}`)
    }
  })
  for (const n of g.nodes) {
    n.label.lines.forEach((_, i) => {
      if (!boxInsideCircle(lineBox(n.label, i), n))
        problems.push(`text of node ${n.id} does not fit its circle`)
    })
  }
  return problems
}
