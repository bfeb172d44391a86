// Risk & incident log body: headline counts, the 5×5 heat map (click to filter) and the table.
import { useMemo, useState } from 'react'
import { heatMap, isActiveRisk, openHighRisks } from '../../../../shared/documents/risk-figures'
import { addRisk, readRisksLive } from '../../../../shared/documents/risks'
import type { DocumentBodyProps } from '../document-body'
import { UndoControls } from '../common/UndoControls'
import { useBoardBaseline } from '../common/useBoardBaseline'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useLocalUndo } from '../common/useLocalUndo'
import { useToday } from '../common/useToday'
import { HeatMap } from './HeatMap'
import { HighRiskList } from './HighRiskList'
import { RiskTable } from './RiskTable'
import { filterRisks, type RiskFilter } from './risk-view'
import '../kinds.css'

const ROOTS = ['risks']

export default function RisksDocument({ ydoc, provider, canWrite, documentId, highlight }: DocumentBodyProps) {
  const { risks } = useDocumentSnapshot(ydoc, readRisksLive)
  const undo = useLocalUndo(ydoc, ROOTS, canWrite)
  const baseline = useBoardBaseline(documentId, 'risks', ydoc, provider !== null)
  const today = useToday()
  const [filter, setFilter] = useState<RiskFilter>({ cell: null, showClosed: true })
  const [focusId, setFocusId] = useState<string | null>(null)
  const counts = useMemo(() => heatMap(risks), [risks])
  const rows = useMemo(() => filterRisks(risks, filter), [risks, filter])
  const active = risks.filter(isActiveRisk)
  const high = useMemo(() => openHighRisks(risks), [risks])

  const add = () => {
    const result = undo.write(() => addRisk(ydoc, { openedOn: today }))
    if (!result.ok) return
    setFilter({ cell: null, showClosed: true })
    setFocusId(result.id)
  }

  return (
    <div className="board-doc risks-doc" data-kind="risks">
      <div className="risks-top">
        <div className="risks-overview">
          <div className="figures">
            <div className="figure"><span className="figure-label">Active risks</span><span className="figure-value">{active.filter((r) => r.kind === 'risk').length}</span></div>
            <div className="figure"><span className="figure-label">Active incidents</span><span className="figure-value">{active.filter((r) => r.kind === 'incident').length}</span></div>
            <div className={`figure ${high.length ? 'figure-alert' : ''}`} title="Active, and severity × likelihood ≥ 15 or severity 5">
              <span className="figure-label">High</span><span className="figure-value" data-testid="risks-high-count">{high.length}</span>
            </div>
          </div>
          <HighRiskList risks={high} />
        </div>
        <section className="heat-section" aria-labelledby="heat-title">
          <h2 className="detail-label" id="heat-title">Severity × likelihood</h2>
          <HeatMap counts={counts} selected={filter.cell} onSelect={(cell) => setFilter({ ...filter, cell })} />
        </section>
      </div>
      <RiskTable
        risks={rows}
        total={risks.length}
        filter={filter}
        onFilter={setFilter}
        onAdd={add}
        ydoc={ydoc}
        canWrite={canWrite}
        write={undo.write}
        focusId={focusId}
        baseline={baseline}
        highlight={highlight?.rowIds}
        undoControls={canWrite ? <UndoControls undo={undo} /> : null}
      />
    </div>
  )
}
