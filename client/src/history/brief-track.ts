// The brief's pillars across board meetings: one column per saved board-meeting version (oldest →
// newest), one row per pillar, each cell the pillar's status then. Pure.
import type { BriefStatus } from '../../../shared/documents/brief'
import { PILLAR_LABELS, PILLARS, type PillarKey } from '../../../shared/documents/pillars'
import type { VersionSummaryDto } from '../../../shared/api'
import { quarterLabel, versionDate } from './version-groups'

/** The brief's statuses (shared/documents/brief.ts), here to keep zod out of this chunk. */
const BRIEF_STATUSES: readonly BriefStatus[] = ['on-track', 'watch', 'at-risk']

export interface TrackColumn {
  version: number
  /** "Q3 2026". */
  quarter: string
  label: string
}

export interface TrackRow {
  pillar: PillarKey
  label: string
  /** One per column; null when that version has no readable status for the pillar. */
  cells: (BriefStatus | null)[]
}

/** Saved versions of board meetings, oldest first. */
export function boardVersions(versions: readonly VersionSummaryDto[]): VersionSummaryDto[] {
  return versions
    .filter((v) => v.meetingCadence === 'board')
    .sort((a, b) => versionDate(a).getTime() - versionDate(b).getTime() || a.version - b.version)
}

function statusIn(projection: unknown, pillar: PillarKey): BriefStatus | null {
  if (!projection || typeof projection !== 'object') return null
  const sections = (projection as { sections?: unknown }).sections
  if (!Array.isArray(sections)) return null
  const section = sections.find((s) => s && typeof s === 'object' && (s as { pillar?: unknown }).pillar === pillar)
  const status = (section as { status?: unknown } | undefined)?.status
  return BRIEF_STATUSES.includes(status as BriefStatus) ? (status as BriefStatus) : null
}

export function briefTrack(
  versions: readonly VersionSummaryDto[],
  projections: ReadonlyMap<number, unknown>,
): { columns: TrackColumn[]; rows: TrackRow[] } {
  const columns = boardVersions(versions).map((v) => ({ version: v.version, quarter: quarterLabel(versionDate(v)), label: v.label }))
  const rows = PILLARS.map((pillar) => ({
    pillar,
    label: PILLAR_LABELS[pillar],
    cells: columns.map((c) => statusIn(projections.get(c.version), pillar)),
  }))
  return { columns, rows }
}
