// Screen-only controls of the summary: quarter label, the live blocks' source documents, Print.
import type * as Y from 'yjs'
import type { DocumentDto } from '../../../../shared/api'
import type { DocumentKind } from '../../../../shared/document-kinds'
import { setSummaryMeta } from '../../../../shared/documents/summary'
import type { Summary, SummaryMetaField } from '../../../../shared/documents/summary'
import { CellInput } from '../common/CellInput'

interface Props {
  ydoc: Y.Doc
  summary: Summary
  documents: DocumentDto[] | null
  canWrite: boolean
}

const SOURCES: Array<{ field: Exclude<SummaryMetaField, 'quarterLabel'>; kind: DocumentKind; label: string }> = [
  { field: 'briefId', kind: 'brief', label: 'Brief' },
  { field: 'roadmapId', kind: 'roadmap', label: 'Roadmap' },
  { field: 'risksId', kind: 'risks', label: 'Risk log' },
]

export function SummaryControls({ ydoc, summary, documents, canWrite }: Props) {
  return (
    <div className="summary-controls no-print">
      <label className="pillar-field">
        <span className="detail-label">Quarter</span>
        <CellInput value={summary.quarterLabel} label="Quarter" readOnly={!canWrite} placeholder="e.g. Q3 2026"
          onCommit={(text) => setSummaryMeta(ydoc, 'quarterLabel', text.trim())} />
      </label>
      {canWrite && documents && SOURCES.map(({ field, kind, label }) => {
        const options = documents.filter((d) => d.kind === kind && !d.archivedAt)
        const value = summary.sources[field] ?? ''
        const chosen = options.find((d) => d.id === value)
        const missing = value !== '' && !chosen
        const automatic = `Automatic (first ${label.toLowerCase()})`
        return (
          <label key={field} className="pillar-field">
            <span className="detail-label">{label} source</span>
            <select value={value} aria-label={`${label} source`} title={chosen?.title ?? (missing ? 'Missing document' : automatic)} onChange={(e) => setSummaryMeta(ydoc, field, e.target.value || null)}>
              <option value="">{automatic}</option>
              {missing && <option value={value}>Missing document</option>}
              {options.map((d) => <option key={d.id} value={d.id}>{d.title}</option>)}
            </select>
          </label>
        )
      })}
      <button type="button" className="button small print-button" onClick={() => window.print()} data-testid="print-summary">Print</button>
    </div>
  )
}
