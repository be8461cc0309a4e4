import { describe, expect, it } from 'vitest'
import { FACTS, FactError, type FactTable } from '../../snippets/facts'
import { figureText } from '../../snippets/format'
import {
  boxesOverlap,
  buildTriangle,
  circleBox,
  estimateTextWidth,
  type Label,
  labelBox,
  layoutProblems,
  type Point,
  segmentHitsBox,
  TRIANGLE_CLICKS,
  TRIANGLE_SIZE,
  type TriangleGeometry,
  type TriangleItem,
  visibleAt,
} from '../../snippets/partnershipTriangle'

function withValue(key: keyof FactTable, value: number): FactTable {
  return { ...FACTS, [key]: { ...FACTS[key], value } }
}

const geometry = buildTriangle()
const text = (label: Label) => label.lines.map(l => l.text).join(' ')

function byId<T extends { id: string }>(items: readonly T[], id: string): T {
  const found = items.find(i => i.id === id)
  if (!found)
    throw new Error(`no item ${id}`)
  return found
}

function endpoints(d: string): [Point, Point] {
  const m = /^M (-?[\d.]+) (-?[\d.]+) L (-?[\d.]+) (-?[\d.]+)$/.exec(d)
  if (!m)
    throw new Error(`unexpected path ${d}`)
  const [x1, y1, x2, y2] = m.slice(1).map(Number) as [number, number, number, number]
  return [{ x: x1, y: y1 }, { x: x2, y: y2 }]
}

const dist = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y)

/** What the speaker notes promise at each click: the ids on screen. */
const SCRIPT: Record<number, string[]> = {
  0: ['amazon', 'microsoft', 'openai'],
  1: ['amazon', 'microsoft', 'openai', 'microsoft-openai'],
  2: ['amazon', 'microsoft', 'openai', 'microsoft-openai', 'amazon-openai'],
  3: ['amazon', 'microsoft', 'openai', 'microsoft-openai', 'amazon-openai', 'amazon-microsoft'],
  4: ['amazon', 'microsoft', 'openai', 'microsoft-openai', 'amazon-openai', 'amazon-microsoft', 'nvidia', 'anthropic'],
}

const visibleIds = (g: TriangleGeometry, clicks: number) =>
  g.items.filter(i => visibleAt(i, clicks)).map(i => i.id).sort()

describe('partnership triangle: structure', () => {
  it('has the three corners, shown from the start', () => {
    expect(geometry.nodes.map(n => [n.id, n.company, n.click])).toEqual([
      ['amazon', 'amazon', 0],
      ['microsoft', 'microsoft', 0],
      ['openai', 'openai', 0],
    ])
    expect(text(byId(geometry.nodes, 'amazon').label)).toBe('Amazon AWS')
    expect(text(byId(geometry.nodes, 'microsoft').label)).toBe('Microsoft Azure')
    expect(text(byId(geometry.nodes, 'openai').label)).toBe('OpenAI')
  })

  it('joins each pair of corners with one edge, drawn rim to rim', () => {
    expect(geometry.edges.map(e => [e.id, e.from, e.to])).toEqual([
      ['microsoft-openai', 'microsoft', 'openai'],
      ['amazon-openai', 'amazon', 'openai'],
      ['amazon-microsoft', 'amazon', 'microsoft'],
    ])
    for (const edge of geometry.edges) {
      const [start, end] = endpoints(edge.d)
      const from = byId(geometry.nodes, edge.from)
      const to = byId(geometry.nodes, edge.to)
      expect(dist(start, from)).toBeGreaterThan(from.r)
      expect(dist(start, from)).toBeLessThan(from.r + 8)
      expect(dist(end, to)).toBeGreaterThan(to.r)
      expect(dist(end, to)).toBeLessThan(to.r + 8)
      expect(edge.segment).toEqual({ from: start, to: end })
    }
  })

  it('dashes only the Amazon–OpenAI edge (talks, not a deal yet)', () => {
    expect(geometry.edges.filter(e => e.dashed).map(e => e.id)).toEqual(['amazon-openai'])
    expect(text(byId(geometry.edges, 'amazon-openai').label)).toMatch(/in talks/)
  })

  it('attaches NVIDIA to OpenAI and Anthropic to Amazon', () => {
    expect(geometry.satellites.map(s => [s.id, s.attachedTo, s.company])).toEqual([
      ['nvidia', 'openai', 'nvidia'],
      ['anthropic', 'amazon', 'anthropic'],
    ])
    for (const sat of geometry.satellites) {
      const [start, end] = endpoints(sat.d)
      const corner = byId(geometry.nodes, sat.attachedTo)
      expect(dist(start, sat)).toBeLessThan(sat.r + 8)
      expect(dist(end, corner)).toBeLessThan(corner.r + 8)
    }
    expect(text(byId(geometry.satellites, 'nvidia').label)).toMatch(/GPU supplier.*Trainium would displace/)
  })
})

describe('partnership triangle: figures come from the facts', () => {
  it('labels the edges and Anthropic with the formatted figures', () => {
    expect(text(byId(geometry.edges, 'microsoft-openai').label)).toBe(
      `${figureText('microsoftInOpenAI')} Azure credits + direct investment`,
    )
    expect(text(byId(geometry.edges, 'amazon-openai').label)).toBe(
      `${figureText('amazonInOpenAI', 'long')} + Trainium chips (in talks)`,
    )
    expect(text(byId(geometry.edges, 'amazon-microsoft').label)).toBe('Cloud rivals that also partner')
    expect(text(byId(geometry.satellites, 'anthropic').label)).toBe(`Anthropic Amazon's earlier ${figureText('amazonInAnthropic')} bet`)
    // The deck's current figures, as the audience reads them.
    expect(text(byId(geometry.edges, 'microsoft-openai').label)).toContain('~$13B')
    expect(text(byId(geometry.edges, 'amazon-openai').label)).toContain('at least $10B')
    expect(text(byId(geometry.satellites, 'anthropic').label)).toContain('$4B')
  })

  it('follows a different fact table, keeping no old figure anywhere', () => {
    const table: FactTable = {
      ...FACTS,
      microsoftInOpenAI: { ...FACTS.microsoftInOpenAI, value: 14.2 },
      amazonInOpenAI: { ...FACTS.amazonInOpenAI, value: 12 },
      amazonInAnthropic: { ...FACTS.amazonInAnthropic, value: 8 },
    }
    const g = buildTriangle(table)
    expect(text(byId(g.edges, 'microsoft-openai').label)).toMatch(/^~\$14\.2B Azure credits/)
    expect(text(byId(g.edges, 'amazon-openai').label)).toMatch(/^at least \$12B/)
    expect(text(byId(g.satellites, 'anthropic').label)).toContain('$8B')
    const everything = JSON.stringify(g)
    for (const old of ['$13B', '$10B', '$4B'])
      expect(everything).not.toContain(old)
    expect(g.description).toContain('around $14.2B')
    expect(layoutProblems(g)).toEqual([])
  })

  it('describes the whole triangle, figures included, for the aria-label', () => {
    expect(geometry.description).toContain(figureText('microsoftInOpenAI', 'long'))
    expect(geometry.description).toContain(figureText('amazonInOpenAI', 'long'))
    expect(geometry.description).toContain(figureText('amazonInAnthropic'))
    for (const name of ['Amazon', 'AWS', 'Microsoft', 'Azure', 'OpenAI', 'NVIDIA', 'Anthropic', 'Trainium', 'in talks'])
      expect(geometry.description).toContain(name)
  })

  it.each([
    [Number.NaN, /facts\.microsoftInOpenAI\.value: expected a number, got NaN/],
    [-13, /facts\.microsoftInOpenAI\.value: must not be negative/],
    [0, /facts\.microsoftInOpenAI\.value: must be greater than zero/],
  ])('refuses a Microsoft figure of %s, naming the field', (value, message) => {
    const build = () => buildTriangle(withValue('microsoftInOpenAI', value))
    expect(build).toThrow(FactError)
    expect(build).toThrow(message)
  })

  it('names the field for the other figures too', () => {
    expect(() => buildTriangle(withValue('amazonInOpenAI', Number.NaN))).toThrow(/facts\.amazonInOpenAI\.value/)
    expect(() => buildTriangle(withValue('amazonInAnthropic', -4))).toThrow(/facts\.amazonInAnthropic\.value/)
  })

  it('refuses a size it cannot draw in', () => {
    expect(() => buildTriangle(FACTS, { width: 0, height: 400 })).toThrow(/size/)
    expect(() => buildTriangle(FACTS, { width: 560, height: Number.NaN })).toThrow(/size/)
  })
})

describe('partnership triangle: click build', () => {
  it('takes four clicks, and the last items appear on the last click', () => {
    expect(TRIANGLE_CLICKS).toBe(4)
    const clicks = geometry.items.map(i => i.click)
    expect(Math.max(...clicks)).toBe(TRIANGLE_CLICKS)
    for (const c of clicks)
      expect(Number.isInteger(c) && c >= 0 && c <= TRIANGLE_CLICKS).toBe(true)
  })

  it('shows exactly what the speaker notes say at each click', () => {
    for (let c = 0; c <= TRIANGLE_CLICKS; c++)
      expect(visibleIds(geometry, c), `click ${c}`).toEqual([...(SCRIPT[c] ?? [])].sort())
  })

  it('adds exactly one group per click, and each group is new', () => {
    const counts: number[] = []
    let previous = new Set<string>()
    for (let c = 0; c <= TRIANGLE_CLICKS; c++) {
      const visible = geometry.items.filter(i => visibleAt(i, c))
      const groups = new Set(visible.map(i => i.click))
      expect(groups.size, `groups at click ${c}`).toBe(c + 1)
      const ids = new Set<string>(visible.map(i => i.id))
      for (const id of previous)
        expect(ids.has(id), `${id} stays at click ${c}`).toBe(true)
      const added = visible.filter(i => !previous.has(i.id))
      expect(new Set(added.map(i => i.click))).toEqual(new Set([c]))
      counts.push(visible.length)
      previous = ids
    }
    expect(counts).toEqual([3, 4, 5, 6, 8])
  })

  it('keeps the full triangle past the last click (print mode) and only corners before the first', () => {
    expect(visibleIds(geometry, 999999)).toEqual(visibleIds(geometry, TRIANGLE_CLICKS))
    expect(visibleIds(geometry, Number.POSITIVE_INFINITY)).toEqual(visibleIds(geometry, TRIANGLE_CLICKS))
    expect(visibleIds(geometry, Number.NaN)).toEqual(visibleIds(geometry, 0))
    expect(visibleIds(geometry, -1)).toEqual([])
  })
})

describe('partnership triangle: layout', () => {
  const view = { left: 0, top: 0, right: TRIANGLE_SIZE.width, bottom: TRIANGLE_SIZE.height }
  const inView = (p: Point) => p.x >= 0 && p.x <= view.right && p.y >= 0 && p.y <= view.bottom
  const labels: [string, Label][] = [
    ...geometry.edges.map(e => [e.id, e.label] as [string, Label]),
    ...geometry.satellites.map(s => [s.id, s.label] as [string, Label]),
  ]

  it('is designed for a 560×400 figure (the slide space under a title)', () => {
    expect(geometry.viewBox).toBe('0 0 560 400')
    expect(geometry.width / geometry.height).toBeCloseTo(560 / 400, 5)
  })

  it('keeps every anchor, line end and label box inside the viewBox', () => {
    const items: TriangleItem[] = [...geometry.items]
    for (const item of items) {
      expect(inView(item.label), `${item.id} label anchor`).toBe(true)
      const box = labelBox(item.label)
      expect(box.left >= 0 && box.top >= 0 && box.right <= view.right && box.bottom <= view.bottom, `${item.id} label box`).toBe(true)
      if (item.kind !== 'edge') {
        const c = circleBox(item)
        expect(c.left >= 0 && c.top >= 0 && c.right <= view.right && c.bottom <= view.bottom, `${item.id} circle`).toBe(true)
      }
      if (item.kind !== 'node') {
        for (const p of endpoints(item.d))
          expect(inView(p), `${item.id} path`).toBe(true)
      }
    }
  })

  it('writes every label at 14px or more at slide scale', () => {
    for (const item of geometry.items) {
      for (const line of item.label.lines)
        expect(line.fontSize, `${item.id}: ${line.text}`).toBeGreaterThanOrEqual(14)
    }
  })

  it('lets no label overlap another label, a circle or a line', () => {
    labels.forEach(([id, label], i) => {
      const box = labelBox(label)
      for (const [other, otherLabel] of labels.slice(i + 1))
        expect(boxesOverlap(box, labelBox(otherLabel), 2), `${id} vs ${other}`).toBe(false)
      for (const node of geometry.nodes)
        expect(boxesOverlap(box, circleBox(node), 2), `${id} vs node ${node.id}`).toBe(false)
      for (const edge of geometry.edges)
        expect(segmentHitsBox(edge.segment, box), `${id} vs edge ${edge.id}`).toBe(false)
      for (const sat of geometry.satellites)
        expect(segmentHitsBox(sat.segment, box), `${id} vs link ${sat.id}`).toBe(false)
    })
    expect(layoutProblems(geometry)).toEqual([])
  })

  it('puts each edge label outside the triangle, on the far side of its edge from the centre', () => {
    const centroid = {
      x: geometry.nodes.reduce((s, n) => s + n.x, 0) / 3,
      y: geometry.nodes.reduce((s, n) => s + n.y, 0) / 3,
    }
    for (const edge of geometry.edges) {
      const a = byId(geometry.nodes, edge.from)
      const b = byId(geometry.nodes, edge.to)
      const box = labelBox(edge.label)
      const mid = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 }
      const side = (p: Point) => (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
      expect(Math.sign(side(mid)), edge.id).toBe(-Math.sign(side(centroid)))
    }
  })

  it('fits the corner names inside their circles', () => {
    expect(layoutProblems(geometry).filter(p => p.startsWith('text of node'))).toEqual([])
  })

  it('catches a broken layout (the checker is not a rubber stamp)', () => {
    const edge = byId(geometry.edges, 'amazon-microsoft')
    const openai = byId(geometry.nodes, 'openai')
    const moved = { ...edge, label: { ...edge.label, x: openai.x, y: openai.y } }
    const broken: TriangleGeometry = { ...geometry, edges: geometry.edges.map(e => (e.id === edge.id ? moved : e)) }
    expect(layoutProblems(broken)).toContain('label of amazon-microsoft overlaps node openai')
    const outside = { ...edge, label: { ...edge.label, y: TRIANGLE_SIZE.height + 5 } }
    const clipped: TriangleGeometry = { ...geometry, edges: geometry.edges.map(e => (e.id === edge.id ? outside : e)) }
    expect(layoutProblems(clipped)).toContain('label of amazon-microsoft leaves the viewBox 0 0 560 400')
  })

  it('stays clean when drawn larger', () => {
    expect(layoutProblems(buildTriangle(FACTS, { width: 700, height: 500 }))).toEqual([])
  })

  it('estimates text on the wide side of what Chromium measures here (Inter and DejaVu Sans, 14px)', () => {
    // Widths measured in Chromium with canvas measureText: [text, bold?, widest of Inter / DejaVu Sans].
    const measured: [string, boolean, number][] = [
      ['Microsoft', true, 74],
      ['Anthropic', true, 77],
      ['NVIDIA', true, 55],
      ['Amazon', true, 63],
      ['Trainium would displace', false, 168],
      ['direct investment', false, 124],
      ['at least $10B', false, 93],
      ['+ Trainium chips', false, 117],
      ['that also partner', false, 118],
    ]
    for (const [s, bold, px] of measured) {
      const estimate = estimateTextWidth(s, 14, bold)
      expect(estimate, s).toBeGreaterThanOrEqual(px)
      expect(estimate, s).toBeLessThan(px * 1.35)
    }
  })
})
