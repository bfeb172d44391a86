// Renewal figures derived from the vendor register on read; nothing here is ever stored.
//
// Decisions made here:
// - A vendor is flagged from 90 days before its notice deadline until 30 days after it: past
//   the deadline the contract has usually rolled over, but for a month it is still worth a late
//   renegotiation; after that the flag would only be noise until the renewal date is updated.
// - The renewal decision item's checkpoint is the latest of 90/60/30 days before the deadline
//   that today has reached (30 once the deadline has passed); it is due on the deadline.
import { addDays, asIsoDate, daysBetween } from './calendar'
import type { Day } from './calendar'
import type { Vendor } from './vendors'

export const RENEWAL_HORIZON_DAYS = 90
export const MISSED_NOTICE_GRACE_DAYS = 30
export const RENEWAL_CHECKPOINTS = [90, 60, 30] as const
export type RenewalCheckpoint = (typeof RENEWAL_CHECKPOINTS)[number]

type RenewalInput = Pick<Vendor, 'renewalDate' | 'noticeDays'>

export interface DerivedDecision {
  id: string
  derived: true
  vendorId: string
  question: string
  owner: string
  status: 'open'
  /** The notice deadline. */
  dueDate: string
  checkpoint: RenewalCheckpoint
  /** The day the current checkpoint was reached. */
  checkpointOn: string
  /** The day the item entered the queue (90 days before the deadline). */
  createdOn: string
}

/** Last day to give notice: renewal date minus the notice period. */
export function noticeDeadline(vendor: RenewalInput): string | null {
  return vendor.renewalDate ? addDays(vendor.renewalDate, -vendor.noticeDays) : null
}

export function daysToNotice(vendor: RenewalInput, today: Day): number | null {
  const deadline = noticeDeadline(vendor)
  return deadline ? daysBetween(asIsoDate(today), deadline) : null
}

export function renewalFlag(vendor: RenewalInput, today: Day): boolean {
  const days = daysToNotice(vendor, today)
  return days !== null && days <= RENEWAL_HORIZON_DAYS && days >= -MISSED_NOTICE_GRACE_DAYS
}

export function renewalCheckpoint(vendor: RenewalInput, today: Day): RenewalCheckpoint | null {
  if (!renewalFlag(vendor, today)) return null
  const days = daysToNotice(vendor, today) as number
  return [...RENEWAL_CHECKPOINTS].reverse().find((c) => days <= c) ?? null
}

/** Earliest renewal first; vendors without a renewal date last, then by name. */
export function sortByRenewal<T extends Pick<Vendor, 'renewalDate' | 'name' | 'id'>>(vendors: T[]): T[] {
  return [...vendors].sort((a, b) => {
    if (a.renewalDate !== b.renewalDate) {
      if (a.renewalDate === null) return 1
      if (b.renewalDate === null) return -1
      return a.renewalDate < b.renewalDate ? -1 : 1
    }
    return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  })
}

/** One decision-queue item per flagged vendor, soonest deadline first. */
export function derivedRenewalDecisions(
  vendors: Array<Pick<Vendor, 'id' | 'name' | 'owner' | 'renewalDate' | 'noticeDays'>>,
  today: Day,
): DerivedDecision[] {
  const items: DerivedDecision[] = []
  for (const vendor of vendors) {
    const checkpoint = renewalCheckpoint(vendor, today)
    const deadline = noticeDeadline(vendor)
    if (checkpoint === null || deadline === null) continue
    items.push({
      id: `renewal:${vendor.id}`,
      derived: true,
      vendorId: vendor.id,
      question: `Renew / renegotiate / replace ${vendor.name || 'unnamed vendor'}`,
      owner: vendor.owner,
      status: 'open',
      dueDate: deadline,
      checkpoint,
      checkpointOn: addDays(deadline, -checkpoint),
      createdOn: addDays(deadline, -RENEWAL_HORIZON_DAYS),
    })
  }
  return items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
}
