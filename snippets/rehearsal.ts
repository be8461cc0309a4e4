// Rehearsal timings: what the presenter view records per slide and per click, the report it shows,
// and the budgets it proposes. Pure and import-free, so `npm run rehearsal:apply` runs it in Node.

export const REHEARSAL_FORMAT = 'deck-rehearsal/1'

export interface RehearsalRun {
  /** ISO time the run started. */
  startedAt: string
  /** Seconds spent at each click of each slide: clicks[slide index][click]. */
  clicks: number[][]
}

export interface RehearsalFile {
  format: typeof REHEARSAL_FORMAT
  /** The deck's title and its slide titles in order: a file from another deck or cut is refused. */
  deck: string
  slides: string[]
  runs: RehearsalRun[]
}

/** A rehearsal file that is not JSON, not ours, from another deck, or holds a bad time. */
class RehearsalError extends Error {
  readonly field: string
  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`)
    this.field = field
    this.name = 'RehearsalError'
  }
}

const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0

/** Checks a parsed rehearsal file against the deck it is applied to; throws a RehearsalError naming the field. */
export function checkRehearsal(data: unknown, deck: string, titles: readonly string[]): RehearsalFile {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new RehearsalError('file', 'expected a JSON object exported by the presenter view\'s rehearsal report')
  const file = data as Record<string, unknown>
  if (file.format !== REHEARSAL_FORMAT) {
    const got = JSON.stringify(file.format)
    throw new RehearsalError('format', `expected "${REHEARSAL_FORMAT}", got ${got}: not a rehearsal`)
  }
  if (file.deck !== deck)
    throw new RehearsalError('deck', `recorded on ${JSON.stringify(file.deck)}, not on ${JSON.stringify(deck)}`)
  const slides = file.slides
  if (!Array.isArray(slides) || slides.length !== titles.length) {
    const count = Array.isArray(slides) ? slides.length : 'no list of'
    throw new RehearsalError('slides', `the file has ${count} slides, the deck has ${titles.length}`)
  }
  titles.forEach((title, i) => {
    const [ours, theirs] = [slides[i], title].map(t => JSON.stringify(t))
    if (slides[i] !== title)
      throw new RehearsalError(`slides[${i}]`, `slide ${i + 1} is ${ours} in the file but ${theirs} in the deck`)
  })
  const runs: unknown = file.runs
  if (!Array.isArray(runs) || !runs.length)
    throw new RehearsalError('runs', 'expected at least one recorded run')
  runs.forEach((run: unknown, r) => {
    const { startedAt, clicks } = (run ?? {}) as Partial<RehearsalRun>
    if (typeof startedAt !== 'string' || !Array.isArray(clicks) || clicks.length !== titles.length) {
      const expected = `expected { startedAt, clicks }, a list of seconds per slide (${titles.length})`
      throw new RehearsalError(`runs[${r}]`, expected)
    }
    clicks.forEach((times: unknown, s) => {
      if (!Array.isArray(times) || !times.every(isSeconds)) {
        const got = JSON.stringify(times)
        throw new RehearsalError(`runs[${r}].clicks[${s}]`, `expected seconds (0 or more), got ${got}`)
      }
    })
  })
  return file as unknown as RehearsalFile
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0)

export function median(values: readonly number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length ? (sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2) : undefined
}

/**
 * Budgets in proportion to `weights` for the slides that have a budget, in whole `step`s of seconds,
 * summing exactly to `total` (largest remainders get the spare steps). Slides budgeted 0 stay 0.
 */
export function proposeBudgets(weights: readonly number[], budgets: readonly number[], total: number, step = 5) {
  const unit = total % step === 0 ? step : 1
  const used = weights.map((w, i) => (budgets[i]! > 0 ? Math.max(w, 0) : 0))
  const all = sum(used)
  if (!all)
    return [...budgets]
  const raw = used.map(w => (w / all) * (total / unit))
  const units = raw.map(Math.floor)
  const order = raw.map((r, i) => ({ i, rest: r - Math.floor(r) })).sort((a, b) => b.rest - a.rest)
  const spare = total / unit - sum(units)
  order.slice(0, spare).forEach(({ i }) => units[i]!++)
  return units.map(u => u * unit)
}

export interface ReportRow {
  no: number
  title: string
  budget: number
  /** Seconds in the latest run that reached the slide; undefined if no run did. */
  last?: number
  median?: number
  /** The median is more than 20% over the budget. */
  over: boolean
  proposed: number
}

/** Per slide: budget, last run, median over the runs that reached it, a flag past +20%, proposed budgets. */
export function rehearsalReport(file: RehearsalFile, budgets: readonly number[], total: number): ReportRow[] {
  const times = file.slides.map((_, s) => file.runs.map(run => sum(run.clicks[s] ?? [])).filter(t => t > 0))
  const medians = times.map(t => median(t))
  const proposed = proposeBudgets(medians.map((m, i) => m ?? budgets[i]!), budgets, total)
  return file.slides.map((title, i) => ({
    no: i + 1,
    title,
    budget: budgets[i]!,
    last: times[i]!.at(-1),
    median: medians[i],
    over: budgets[i]! > 0 && (medians[i] ?? 0) > budgets[i]! * 1.2,
    proposed: proposed[i]!,
  }))
}

/** One row per run, slide and click: run,started,slide,title,click,seconds. */
export function rehearsalCsv(file: RehearsalFile): string {
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`
  const rows = file.runs.flatMap((run, r) => run.clicks.flatMap((times, s) => times.map((t, c) =>
    [r + 1, run.startedAt, s + 1, quote(file.slides[s] ?? ''), c, t.toFixed(1)].join(','))))
  return ['run,started,slide,title,click,seconds', ...rows].join('\n')
}
