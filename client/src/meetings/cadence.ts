// Meeting cadences: labels and the default title a new meeting gets, e.g. "Q1 2027 board meeting".
import { format } from 'date-fns'
import { quarterLabel } from '../history/version-groups'
import type { Cadence } from './meeting-types'

export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly 1:1',
  leadership: 'Leadership',
  'roadmap-review': 'Roadmap & vendor review',
  board: 'Board',
  'ad-hoc': 'Ad hoc',
}

const CADENCE_NOUN: Record<Cadence, string> = {
  weekly: 'weekly 1:1',
  leadership: 'leadership meeting',
  'roadmap-review': 'roadmap & vendor review',
  board: 'board meeting',
  'ad-hoc': 'meeting',
}

export function cadenceLabel(cadence: string | null | undefined): string {
  return (cadence && CADENCE_LABELS[cadence as Cadence]) || 'Meeting'
}

/**
 * Quarterly cadences are named by quarter ("Q1 2027 board meeting"); frequent ones by day
 * ("Weekly 1:1 · 12 Jan 2027").
 */
export function defaultMeetingTitle(cadence: Cadence, startsAt: Date): string {
  if (Number.isNaN(startsAt.getTime())) return CADENCE_LABELS[cadence]
  if (cadence === 'weekly' || cadence === 'ad-hoc') {
    const noun = CADENCE_NOUN[cadence]
    return `${noun[0].toUpperCase()}${noun.slice(1)} · ${format(startsAt, 'd MMM yyyy')}`
  }
  return `${quarterLabel(startsAt)} ${CADENCE_NOUN[cadence]}`
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
