// Decision queue body: open items grouped by due date, then decided and deferred; renewal items
// derived live from the vendor register appear in their group, read-only.
import { useMemo, useState } from 'react'
import { addDays } from '../../../../shared/documents/calendar'
import { groupDecisions, mergeDerivedDecisions } from '../../../../shared/documents/decision-queue'
import { addDecision, readDecisionsLive, removeDecision } from '../../../../shared/documents/decisions'
import type { DocumentBodyProps } from '../document-body'
import { UndoControls } from '../common/UndoControls'
import { useBoardBaseline } from '../common/useBoardBaseline'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useLocalUndo } from '../common/useLocalUndo'
import { useToday } from '../common/useToday'
import { useWorkspaceId } from '../common/useWorkspaceDocuments'
import { DecisionGroup } from './DecisionGroup'
import { DECISION_GROUPS } from './decision-view'
import { useVendorRenewals } from './useVendorRenewals'
import '../kinds.css'

const ROOTS = ['decisions']

export default function DecisionsDocument(props: DocumentBodyProps) {
  const { ydoc, provider, canWrite, user, documentId, highlight } = props
  const live = provider !== null
  const { decisions } = useDocumentSnapshot(ydoc, readDecisionsLive)
  const today = useToday()
  const workspaceId = useWorkspaceId(live ? documentId : undefined, props.workspaceId)
  // Derived items reflect the register as it is now, so a saved version shows only its own items.
  const renewals = useVendorRenewals(live ? workspaceId : null, today)
  const groups = useMemo(() => groupDecisions(mergeDerivedDecisions(decisions, renewals.items), today), [decisions, renewals.items, today])
  const undo = useLocalUndo(ydoc, ROOTS, canWrite)
  const baseline = useBoardBaseline(documentId, 'decisions', ydoc, live)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const [confirming, setConfirming] = useState<string | null>(null)
  const [focusId, setFocusId] = useState<string | null>(null)
  const highlighted = useMemo(() => new Set(highlight?.rowIds ?? []), [highlight])

  const toggle = (id: string) => setExpanded((current) => {
    const next = new Set(current)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    return next
  })
  const add = () => {
    const result = undo.write(() => addDecision(ydoc, { dueDate: addDays(today, 30) }))
    if (result.ok) setFocusId(result.id)
  }
  const open = decisions.filter((d) => d.status === 'open').length + renewals.items.length

  return (
    <div className="board-doc decisions-doc" data-kind="decisions">
      <div className="board-doc-bar">
        <div className="figures">
          <div className="figure"><span className="figure-label">Open</span><span className="figure-value">{open}</span></div>
          <div className={`figure ${groups.overdue.length ? 'figure-alert' : ''}`}><span className="figure-label">Overdue</span><span className="figure-value" data-testid="decisions-overdue-count">{groups.overdue.length}</span></div>
          <div className="figure"><span className="figure-label">Due in 30 days</span><span className="figure-value">{groups.within30.length}</span></div>
          <div className="figure"><span className="figure-label">From vendor register</span><span className="figure-value">{renewals.items.length}</span></div>
        </div>
      </div>
      <div className="board-section-head">
        <h2 className="board-section-title">Queue</h2>
        {canWrite && <UndoControls undo={undo} />}
        {canWrite && <button type="button" className="button small primary" onClick={add} data-testid="add-decision">+ Add decision</button>}
      </div>
      {DECISION_GROUPS.map(({ key, label }) => (
        <DecisionGroup
          key={key}
          groupKey={key}
          label={label}
          items={groups[key]}
          today={today}
          ctx={{ ydoc, provider, user, canWrite, write: undo.write, baseline, highlighted, vendorsSource: renewals.source }}
          expanded={expanded}
          onToggle={toggle}
          confirming={confirming}
          onAskDelete={setConfirming}
          onDelete={(id) => { undo.write(() => removeDecision(ydoc, id)); setConfirming(null) }}
          focusId={focusId}
        />
      ))}
    </div>
  )
}
