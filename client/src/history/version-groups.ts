// Versions on a timeline: grouped by calendar quarter ("Q3 2026"), and inside a quarter by the
// meeting that saved them. Pure, so it can be unit-tested without a browser.
import { quarterLabel as sharedQuarterLabel } from '../../../shared/format/quarters'
import type { VersionSummaryDto } from '../../../shared/api'

export interface MeetingGroup {
  /** Stable key: the meeting id, or "saved-<first version>" for a run of versions saved by hand. */
  key: string
  meeting: { id: string; title: string; cadence: string | null; startsAt: string | null } | null
  versions: VersionSummaryDto[]
}

export interface QuarterGroup {
  /** e.g. "Q3 2026". */
  quarter: string
  groups: MeetingGroup[]
}

/** "Q3 2026" (or "Q2 FY2027"): the one quarter rule of shared/format/quarters.ts, by UTC date. */
export function quarterLabel(date: Date, fyStartMonth?: number): string {
  return sharedQuarterLabel(date, fyStartMonth)
}

/** When a version belongs on the timeline: its meeting's start when it has one, else when it was saved. */
export function versionDate(v: Pick<VersionSummaryDto, 'meetingStartsAt' | 'createdAt'>): Date {
  const meeting = v.meetingStartsAt ? new Date(v.meetingStartsAt) : null
  if (meeting && !Number.isNaN(meeting.getTime())) return meeting
  return new Date(v.createdAt)
}

/**
 * Newest first. Versions of one meeting stay together even if other versions were saved between
 * them; versions saved outside meetings are grouped while consecutive.
 */
export function groupVersionsByQuarter(versions: readonly VersionSummaryDto[], fyStartMonth?: number): QuarterGroup[] {
  const sorted = [...versions].sort((a, b) => versionDate(b).getTime() - versionDate(a).getTime() || b.version - a.version)
  const quarters: QuarterGroup[] = []
  for (const v of sorted) {
    const quarter = quarterLabel(versionDate(v), fyStartMonth)
    let q = quarters[quarters.length - 1]
    if (!q || q.quarter !== quarter) {
      q = { quarter, groups: [] }
      quarters.push(q)
    }
    if (v.meetingId) {
      const existing = q.groups.find((g) => g.meeting?.id === v.meetingId)
      if (existing) existing.versions.push(v)
      else {
        q.groups.push({
          key: v.meetingId,
          meeting: { id: v.meetingId, title: v.meetingTitle ?? v.label, cadence: v.meetingCadence, startsAt: v.meetingStartsAt },
          versions: [v],
        })
      }
    } else {
      const last = q.groups[q.groups.length - 1]
      if (last && !last.meeting) last.versions.push(v)
      else q.groups.push({ key: `saved-${v.version}`, meeting: null, versions: [v] })
    }
  }
  return quarters
}
