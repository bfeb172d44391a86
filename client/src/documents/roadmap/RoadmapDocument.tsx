// Roadmap body: headline figures, the editable initiatives table, the twelve-month timeline and
// the cost/capacity breakdown, re-read on every change by anyone; only the initiatives
// that changed are parsed again and get a new object (row-cache.ts), so only their memoised rows render.
import { useMemo, useState } from 'react'
import { readRoadmapLive, setRoadmapMeta } from '../../../../shared/documents/roadmap'
import { roadmapTotals, sharesByRow } from '../../../../shared/documents/roadmap-totals'
import type { DocumentBodyProps } from '../document-body'
import { CurrencySelect } from '../common/CurrencySelect'
import { UndoControls } from '../common/UndoControls'
import { useBoardBaseline } from '../common/useBoardBaseline'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useLocalUndo } from '../common/useLocalUndo'
import { useToday } from '../common/useToday'
import { useFiscalYearStart } from '../../components/useFiscalYearStart'
import { RoadmapBreakdown } from './RoadmapBreakdown'
import { RoadmapFigures } from './RoadmapFigures'
import { RoadmapTable } from './RoadmapTable'
import { RoadmapTimeline } from './RoadmapTimeline'
import '../kinds.css'

const ROOTS = ['initiatives', 'meta']

export default function RoadmapDocument({ ydoc, provider, canWrite, user, documentId, workspaceId, highlight }: DocumentBodyProps) {
  const roadmap = useDocumentSnapshot(ydoc, readRoadmapLive)
  const fyStartMonth = useFiscalYearStart(workspaceId)
  const [sharesOf] = useState(sharesByRow)
  const totals = useMemo(() => roadmapTotals(roadmap.initiatives, roadmap.windowStart, fyStartMonth, sharesOf), [roadmap, fyStartMonth, sharesOf])
  const undo = useLocalUndo(ydoc, ROOTS, canWrite)
  const baseline = useBoardBaseline(documentId, 'roadmap', ydoc, provider !== null)
  const today = useToday()

  return (
    <div className="board-doc roadmap-doc" data-kind="roadmap">
      <div className="board-doc-bar">
        <RoadmapFigures totals={totals} currency={roadmap.currency} count={roadmap.initiatives.length}>
          <CurrencySelect value={roadmap.currency} readOnly={!canWrite} testId="roadmap-currency"
            onChange={(code) => undo.write(() => setRoadmapMeta(ydoc, 'currency', code))} />
        </RoadmapFigures>
      </div>
      <RoadmapTable
        roadmap={roadmap}
        ydoc={ydoc}
        provider={provider}
        user={user}
        canWrite={canWrite}
        write={undo.write}
        undoControls={canWrite ? <UndoControls undo={undo} /> : null}
        baseline={baseline}
        highlight={highlight?.rowIds}
      />
      <RoadmapTimeline roadmap={roadmap} today={today} fyStartMonth={fyStartMonth} sharesOf={sharesOf} />
      <RoadmapBreakdown totals={totals} currency={roadmap.currency} fyStartMonth={fyStartMonth} />
    </div>
  )
}
