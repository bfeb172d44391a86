// Labels for the decision queue's groups, ages and due dates.
import { daysBetween } from '../../../../shared/documents/calendar'
import type { DecisionGroups } from '../../../../shared/documents/decision-queue'

export type GroupKey = keyof DecisionGroups<unknown>

export const DECISION_GROUPS: ReadonlyArray<{ key: GroupKey; label: string }> = [
  { key: 'overdue', label: 'Overdue' },
  { key: 'within30', label: 'Due in 30 days' },
  { key: 'within60', label: 'Due in 31–60 days' },
  { key: 'within90', label: 'Due in 61–90 days' },
  { key: 'later', label: 'Later' },
  { key: 'decided', label: 'Decided' },
  { key: 'deferred', label: 'Deferred' },
]

/** "opened 12 days ago"; '' when the creation day is unknown. */
export function openedText(ageDays: number | null): string {
  if (ageDays === null) return ''
  if (ageDays <= 0) return 'opened today'
  if (ageDays === 1) return 'opened yesterday'
  return `opened ${ageDays} days ago`
}

/** "due in 5 days", "due today", "4 days overdue"; '' without a due date. */
export function dueText(dueDate: string | null, today: string): string {
  if (!dueDate) return ''
  const days = daysBetween(today, dueDate)
  if (days === 0) return 'due today'
  if (days === 1) return 'due tomorrow'
  if (days > 0) return `due in ${days} days`
  return days === -1 ? '1 day overdue' : `${-days} days overdue`
}
