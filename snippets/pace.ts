// Pace arithmetic for the presenter view: time on this slide against its budget, and whether the talk
// as a whole is ahead of or behind the plan the budgets make. Pure: the Vue layer feeds it the clock.

/** A slide's `budget:` is missing or not a number of seconds. */
class BudgetError extends Error {
  constructor(readonly field: string, problem: string) {
    super(`${field} ${problem}`)
    this.name = 'BudgetError'
  }
}

/** Each slide's budget in seconds, read from its frontmatter; throws a BudgetError naming the slide. */
export function readBudgets(frontmatters: readonly Record<string, unknown>[]): number[] {
  return frontmatters.map((frontmatter, index) => {
    const budget = frontmatter.budget
    // 0 is allowed: a slide the talk passes straight through.
    if (typeof budget !== 'number' || !Number.isFinite(budget) || budget < 0) {
      const got = JSON.stringify(budget)
      throw new BudgetError(`slide ${index + 1} budget`, `must be a number of seconds (0 or more), got ${got}`)
    }
    return budget
  })
}

/** 0:05, 1:30, 12:00; whole seconds, rounded down; negative values get a minus sign. */
export function formatClock(seconds: number): string {
  const whole = Math.floor(Math.abs(seconds))
  const sign = seconds <= -1 ? '-' : ''
  return `${sign}${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

export interface PaceInput {
  /** Every slide's budget, in seconds, in deck order. */
  budgets: readonly number[]
  /** 1-based number of the slide being presented. */
  slideNo: number
  /** Seconds on the talk clock so far. */
  talkSeconds: number
  /** Seconds on the talk clock since this slide was entered. */
  slideSeconds: number
}

type PaceStatus = 'ahead' | 'behind' | 'on time'

export interface Pace {
  slideSeconds: number
  budget: number
  /** Seconds past this slide's budget (0 while within it). */
  overrun: number
  /** Positive: behind the plan; negative: ahead. */
  talkDelta: number
  status: PaceStatus
  /** "On this slide 1:10 of 1:30 · talk 0:25 behind" */
  line: string
}

/** Differences under this many seconds read as on time: nobody paces a talk to the second. */
const ON_TIME_WITHIN = 5

/**
 * Where the talk stands. The plan reaches this slide after the budgets of the slides before it and
 * spends at most this slide's budget on it; the talk is behind by the talk clock minus that plan.
 * So time within a slide's budget never counts against the talk, and time past it always does.
 */
export function pace({ budgets, slideNo, talkSeconds, slideSeconds }: PaceInput): Pace {
  const budget = budgets[slideNo - 1]
  if (budget === undefined)
    throw new BudgetError(`slide ${slideNo} budget`, `is missing: the deck has ${budgets.length} budgets`)
  const before = budgets.slice(0, slideNo - 1).reduce((sum, b) => sum + b, 0)
  const onSlide = Math.max(0, Math.min(slideSeconds, talkSeconds))
  const planned = before + Math.min(onSlide, budget)
  const talkDelta = Math.round(talkSeconds - planned)
  const status: PaceStatus = Math.abs(talkDelta) < ON_TIME_WITHIN ? 'on time' : talkDelta > 0 ? 'behind' : 'ahead'
  const talk = status === 'on time' ? 'talk on time' : `talk ${formatClock(Math.abs(talkDelta))} ${status}`
  return {
    slideSeconds: onSlide,
    budget,
    overrun: Math.max(0, onSlide - budget),
    talkDelta,
    status,
    line: `On this slide ${formatClock(onSlide)} of ${formatClock(budget)} · ${talk}`,
  }
}
