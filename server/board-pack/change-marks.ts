// "Changed since the previous board": each section of the pack compared with the same kind of
// document as saved at the end of the previous board meeting (shared/documents/compare.ts).
// Pure: projections in, a one-line summary and the ids of the changed rows out.
import { compareProjections } from '../../shared/documents/compare'
import type { CompareOptions } from '../../shared/documents/compare'
import type { RowsDiff } from '../../shared/documents/compare-rows'
import type { ProjectionByKind } from '../../shared/documents/projections'

export type MarkedKind = 'summary' | 'brief' | 'roadmap' | 'risks' | 'vendors' | 'decisions'

export interface ChangeMark {
  /** "Changed since the previous board (Q2 board, 12 Jun 2026): 2 added, 1 changed." */
  text: string
  changed: boolean
  /** Rows (initiatives, risks, vendors, decisions) or pillars added or changed since then. */
  ids: string[]
}

function counted(n: number, what: string): string[] {
  return n > 0 ? [`${n} ${what}`] : []
}

function rowsSummary(diff: RowsDiff<{ id: string }>, noun: [string, string]): { parts: string[]; ids: string[] } {
  const total = (n: number) => `${n === 1 ? noun[0] : noun[1]}`
  return {
    parts: [
      ...counted(diff.added.length, `${total(diff.added.length)} added`),
      ...counted(diff.changed.length, `${total(diff.changed.length)} changed`),
      ...counted(diff.removed.length, `${total(diff.removed.length)} removed`),
    ],
    ids: [...diff.added.map((r) => r.id), ...diff.changed.map((r) => r.id)],
  }
}

function describe<K extends MarkedKind>(kind: K, before: ProjectionByKind[K], after: ProjectionByKind[K], opts: CompareOptions): { parts: string[]; ids: string[] } {
  const c = compareProjections(kind, before, after, opts)
  switch (c.kind) {
    case 'summary':
      return { parts: [...(c.body.changed ? ['text changed'] : []), ...(c.fields.length > 0 ? ['details changed'] : [])], ids: [] }
    case 'brief': {
      const pillars = c.pillars.filter((p) => p.moved || p.fields.length > 0 || p.narrative.changed)
      return { parts: pillars.length > 0 ? [`${pillars.map((p) => p.label).join(', ')}`] : [], ids: pillars.map((p) => p.pillar) }
    }
    case 'roadmap':
      return rowsSummary(c.initiatives, ['initiative', 'initiatives'])
    case 'risks':
      return rowsSummary(c.risks, ['risk', 'risks'])
    case 'vendors':
      return rowsSummary(c.vendors, ['vendor', 'vendors'])
    case 'decisions':
      return rowsSummary(c.decisions, ['item', 'items'])
    default:
      return { parts: [], ids: [] }
  }
}

/**
 * The mark of one section; null when there was no previous board meeting. `previous.saved` null: the
 * previous board had no document of this kind, so everything is new.
 */
export function changeMark<K extends MarkedKind>(
  kind: K,
  after: ProjectionByKind[K],
  previous: { label: string; saved: ProjectionByKind[K] | null } | null,
  opts: CompareOptions = {},
): ChangeMark | null {
  if (!previous) return null
  if (!previous.saved) return { text: `New since the previous board (${previous.label}).`, changed: true, ids: [] }
  const { parts, ids } = describe(kind, previous.saved, after, opts)
  if (parts.length === 0) return { text: `Unchanged since the previous board (${previous.label}).`, changed: false, ids: [] }
  return { text: `Changed since the previous board (${previous.label}): ${parts.join(', ')}.`, changed: true, ids }
}
