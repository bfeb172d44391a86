// "Changed since the last board meeting": which version is the baseline, and what differs
// between its projection and the live one. Pure; the hook in useBoardBaseline.ts does the I/O.
import type { DocumentKind } from '../../../../shared/document-kinds'
import { compareProjections } from '../../../../shared/documents'
import type { Comparison, ProjectionByKind } from '../../../../shared/documents'

export interface VersionListItem {
  version: number
  label: string
  meetingId: string | null
  meetingCadence?: string | null
  createdAt: string
}

/** The newest version saved by a board meeting (the list may come in any order). */
export function pickBoardVersion<V extends VersionListItem>(versions: readonly V[]): V | null {
  let best: V | null = null
  for (const v of versions) {
    if (v.meetingCadence !== 'board' || !v.meetingId) continue
    if (!best || v.version > best.version) best = v
  }
  return best
}

export interface ChangedSince {
  /** Added or changed rows (roadmap initiatives, and rows of the other table kinds). */
  rowIds: Set<string>
  /** Brief pillars whose status, trend or narrative changed. */
  pillars: Set<string>
}

export function changedSince<K extends DocumentKind>(kind: K, before: unknown, after: ProjectionByKind[K]): ChangedSince {
  const rowIds = new Set<string>()
  const pillars = new Set<string>()
  const comparison = compareProjections(kind, before as ProjectionByKind[K], after) as Comparison
  if (comparison.kind === 'brief') {
    for (const p of comparison.pillars) if (p.moved || p.narrative.changed) pillars.add(p.pillar)
    return { rowIds, pillars }
  }
  const diff =
    comparison.kind === 'roadmap' ? comparison.initiatives
    : comparison.kind === 'vendors' ? comparison.vendors
    : comparison.kind === 'decisions' ? comparison.decisions
    : comparison.kind === 'risks' ? comparison.risks
    : null
  if (diff) {
    for (const row of diff.added) rowIds.add(row.id)
    for (const row of diff.changed) rowIds.add(row.id)
  }
  return { rowIds, pillars }
}
