// How a meeting series repeats: the one list of recurrences, the next meeting's start, and the
// iCalendar rule (FREQ and INTERVAL) of each.
export const RECURRENCES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const
export type Recurrence = (typeof RECURRENCES)[number]

export const RECURRENCE_RULES: Record<Recurrence, { freq: 'WEEKLY' | 'MONTHLY'; interval: number }> = {
  weekly: { freq: 'WEEKLY', interval: 1 },
  biweekly: { freq: 'WEEKLY', interval: 2 },
  monthly: { freq: 'MONTHLY', interval: 1 },
  quarterly: { freq: 'MONTHLY', interval: 3 },
}

/** The start of the next meeting of the series, in UTC (a month later keeps the day, clamped to the month's last). */
export function nextStart(startsAt: number, recurrence: Recurrence): number {
  const { freq, interval } = RECURRENCE_RULES[recurrence]
  if (freq === 'WEEKLY') return startsAt + interval * 7 * 86_400_000
  const d = new Date(startsAt)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + interval)
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, lastDay))
  return d.getTime()
}
