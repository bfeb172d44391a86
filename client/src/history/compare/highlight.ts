// What to mark when a compared version is shown as a document: changed and added rows, moved pillars.
import type { Comparison } from '../../../../shared/documents/compare'
import type { RowsDiff } from '../../../../shared/documents/compare-rows'
import type { DocumentHighlight } from '../../documents/document-body'

const rowIds = (diff: RowsDiff<{ id: string }>) => [...diff.changed.map((c) => c.id), ...diff.added.map((r) => r.id)]

export function highlightFor(comparison: Comparison): DocumentHighlight {
  switch (comparison.kind) {
    case 'roadmap':
      return { rowIds: rowIds(comparison.initiatives) }
    case 'vendors':
      return { rowIds: rowIds(comparison.vendors) }
    case 'decisions':
      return { rowIds: rowIds(comparison.decisions) }
    case 'risks':
      return { rowIds: rowIds(comparison.risks) }
    case 'brief':
      return { pillars: comparison.pillars.filter((p) => p.moved || p.narrative.changed || p.fields.length > 0).map((p) => p.pillar) }
    default:
      return {}
  }
}
