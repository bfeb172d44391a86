// Derived views of the decision queue: due-date buckets, age, and vendor renewal items merged
// in for display (derived on read, never copied into the decisions document).
import { asIsoDate, daysBetween } from './calendar'
import type { Day } from './calendar'
import type { Decision, DecisionStatus } from './decisions'
import type { DerivedDecision } from './vendor-renewals'

export type QueueItem = (Decision & { derived: false }) | DerivedDecision

export interface DecisionGroups<T> {
  /** Open, due before today. */
  overdue: T[]
  /** Open, due today up to 30 days out. */
  within30: T[]
  within60: T[]
  within90: T[]
  /** Open, due after 90 days or without a due date (those last). */
  later: T[]
  /** Most recently decided first. */
  decided: T[]
  deferred: T[]
}

type Groupable = { status: DecisionStatus; dueDate: string | null; decidedOn?: string | null; question: string; id: string }

export function mergeDerivedDecisions(decisions: Decision[], derived: DerivedDecision[]): QueueItem[] {
  return [...decisions.map((d) => ({ ...d, derived: false as const })), ...derived]
}

/** Whole days since the item was created; null when unknown. */
export function decisionAgeDays(item: { createdOn: string | null }, today: Day): number | null {
  return item.createdOn ? daysBetween(item.createdOn, asIsoDate(today)) : null
}

function byDue(a: Groupable, b: Groupable): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1
    if (b.dueDate === null) return -1
    return a.dueDate < b.dueDate ? -1 : 1
  }
  return a.question.localeCompare(b.question) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export function groupDecisions<T extends Groupable>(items: T[], today: Day): DecisionGroups<T> {
  const day = asIsoDate(today)
  const groups: DecisionGroups<T> = { overdue: [], within30: [], within60: [], within90: [], later: [], decided: [], deferred: [] }
  for (const item of [...items].sort(byDue)) {
    if (item.status === 'decided') groups.decided.push(item)
    else if (item.status === 'deferred') groups.deferred.push(item)
    else if (item.dueDate === null) groups.later.push(item)
    else {
      const days = daysBetween(day, item.dueDate)
      if (days < 0) groups.overdue.push(item)
      else if (days <= 30) groups.within30.push(item)
      else if (days <= 60) groups.within60.push(item)
      else if (days <= 90) groups.within90.push(item)
      else groups.later.push(item)
    }
  }
  groups.decided.sort((a, b) => ((b.decidedOn ?? '') < (a.decidedOn ?? '') ? -1 : (b.decidedOn ?? '') > (a.decidedOn ?? '') ? 1 : 0))
  return groups
}
