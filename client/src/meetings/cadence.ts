// Meeting cadences: labels and the default title a new meeting gets, e.g. "Q1 2027 board meeting".
import { format } from 'date-fns'
import { CADENCE_NOUNS, CADENCE_LABELS, type Cadence } from '../../../shared/cadences'
import { dateLabel } from '../../../shared/format/dates'
import { quarterLabel } from '../../../shared/format/quarters'

export { CADENCE_LABELS, cadenceLabel } from '../../../shared/cadences'

/**
 * Quarterly cadences are named by quarter ("Q1 2027 board meeting"); frequent ones by day
 * ("Weekly 1:1 · 12 Jan 2027").
 */
export function defaultMeetingTitle(cadence: Cadence, startsAt: Date, fyStartMonth?: number): string {
  if (Number.isNaN(startsAt.getTime())) return CADENCE_LABELS[cadence]
  if (cadence === 'weekly' || cadence === 'ad-hoc') {
    const noun = CADENCE_NOUNS[cadence]
    return `${noun[0].toUpperCase()}${noun.slice(1)} · ${dateLabel(startsAt)}`
  }
  return `${quarterLabel(startsAt, fyStartMonth)} ${CADENCE_NOUNS[cadence]}`
}

/** Value for <input type="datetime-local"> (local time, minutes). */
export function toLocalInputValue(date: Date): string {
  return format(date, "yyyy-MM-dd'T'HH:mm")
}

/** The next working day at 10:00, local time: a sensible default for a new meeting. */
export function defaultStart(now: Date = new Date()): Date {
  const d = new Date(now)
  d.setDate(d.getDate() + 1)
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1)
  d.setHours(10, 0, 0, 0)
  return d
}
