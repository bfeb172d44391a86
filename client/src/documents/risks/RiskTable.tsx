// The risk & incident table, with the heat-map filter shown and clearable.
import { useMemo, useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { removeRisk } from '../../../../shared/documents/risks'
import type { Risk } from '../../../../shared/documents/risks'
import { useBaselineBadge, type BoardBaseline } from '../common/useBoardBaseline'
import type { LocalUndo } from '../common/useLocalUndo'
import { useRowCallbacks } from '../common/useRowCallbacks'
import { RiskRow } from './RiskRow'
import type { RiskFilter } from './risk-view'

interface Props {
  risks: Risk[]
  total: number
  filter: RiskFilter
  onFilter: (filter: RiskFilter) => void
  onAdd: () => void
  ydoc: Y.Doc
  canWrite: boolean
  write: LocalUndo['write']
  focusId: string | null
  baseline: BoardBaseline | null
  highlight?: string[]
  undoControls: ReactNode
}

export function RiskTable({ risks, total, filter, onFilter, onAdd, ydoc, canWrite, write, focusId, baseline, highlight, undoControls }: Props) {
  const [expanded, setExpanded] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)
  const highlighted = useMemo(() => new Set(highlight ?? []), [highlight])
  const badge = useBaselineBadge(baseline)
  const callbacksFor = useRowCallbacks({
    toggle: (id) => setExpanded((current) => (current === id ? null : id)),
    askDelete: setConfirming,
    cancelDelete: () => setConfirming(null),
    remove: (id) => {
      write(() => removeRisk(ydoc, id))
      setConfirming(null)
    },
  })

  return (
    <section className="board-section risk-log" aria-labelledby="risk-log-title">
      <div className="board-section-head">
        <h2 className="board-section-title" id="risk-log-title">Log</h2>
        <div className="filters">
          {filter.cell ? (
            <span className="filter-chip" data-testid="heat-filter">
              Severity {filter.cell.severity} × likelihood {filter.cell.likelihood} · {risks.length} of {total}
              <button type="button" className="button small subtle" onClick={() => onFilter({ ...filter, cell: null })}>Clear</button>
            </span>
          ) : (
            <label className="toggle">
              <input type="checkbox" checked={filter.showClosed} onChange={(e) => onFilter({ ...filter, showClosed: e.target.checked })} />
              Show closed
            </label>
          )}
        </div>
        {undoControls}
        {canWrite && <button type="button" className="button small primary" onClick={onAdd} data-testid="add-risk">+ Add risk</button>}
      </div>
      <div className="table-scroll">
        <table className="board-table risks-table" data-testid="risks-table">
          <colgroup>
            <col className="col-toggle" /><col className="col-title" /><col className="col-kind" /><col className="col-pillar" />
            <col className="col-scale" /><col className="col-scale" /><col className="col-score" /><col className="col-owner" />
            <col className="col-status" /><col className="col-date" /><col className="col-date" /><col className="col-actions" />
          </colgroup>
          <thead>
            <tr>
              <th aria-label="Mitigation" /><th className="cell-title">Risk or incident</th><th>Kind</th><th>Pillar</th>
              <th className="numeric" title="Severity 1–5">Sev.</th><th className="numeric" title="Likelihood 1–5">Lik.</th>
              <th className="numeric" title="Severity × likelihood">Score</th><th>Owner</th><th>Status</th><th>Opened</th><th>Closed</th><th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {risks.map((risk) => (
              <RiskRow key={risk.id} risk={risk} ydoc={ydoc} canWrite={canWrite} write={write}
                expanded={expanded === risk.id} {...callbacksFor(risk.id)} confirming={confirming === risk.id}
                autoFocus={focusId === risk.id} baseline={baseline?.rowIds.has(risk.id) ? badge : null}
                highlighted={highlighted.has(risk.id)} />
            ))}
          </tbody>
        </table>
      </div>
      {risks.length === 0 && (
        <p className="empty small">{total === 0 ? 'No risks or incidents logged.' : 'Nothing matches this filter.'}</p>
      )}
    </section>
  )
}
