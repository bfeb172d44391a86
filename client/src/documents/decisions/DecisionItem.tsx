// One decision: question and status on top, owner / due / age below, details on demand.
import { DECISION_STATUSES, decisionText, getDecisionContext, setDecisionField, updateDecision } from '../../../../shared/documents/decisions'
import type { Decision, DecisionField, DecisionFields, DecisionTextField } from '../../../../shared/documents/decisions'
import { decisionAgeDays } from '../../../../shared/documents/decision-queue'
import { LIMITS } from '../../../../shared/documents/fields'
import type * as Y from 'yjs'
import { parseDateInput } from '../common/cell-values'
import { CellInput } from '../common/CellInput'
import { CellSelect } from '../common/CellSelect'
import { CellText } from '../common/CellText'
import { ChangedBadge } from '../common/ChangedBadge'
import { ConfirmDelete } from '../common/ConfirmDelete'
import { dateLabel } from '../common/format'
import { useRowFragment } from '../common/useRowFragment'
import { LazyOptionalRichTextField as OptionalRichTextField } from '../rich-text/LazyRichTextField'
import type { DecisionContext } from './DecisionGroup'
import { dueText, openedText } from './decision-view'
import { RecordCommentButton } from '../../comments/RecordCommentButton'

const cellOf = (d: Decision, field: DecisionField) => ({ rowId: d.id, field })
const textOf = (ydoc: Y.Doc, d: Decision, field: DecisionTextField) => (writable: boolean) => decisionText(ydoc, d.id, field, { writable })

const STATUS_OPTIONS = DECISION_STATUSES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) }))

interface Props {
  decision: Decision
  today: string
  ctx: DecisionContext
  expanded: boolean
  onToggle: () => void
  confirming: boolean
  onAskDelete: () => void
  onCancelDelete: () => void
  onDelete: () => void
  autoFocus: boolean
}

export function DecisionItem({ decision: d, today, ctx, expanded, onToggle, confirming, onAskDelete, onCancelDelete, onDelete, autoFocus }: Props) {
  const { ydoc, canWrite, write } = ctx
  const readOnly = !canWrite
  const set = <F extends DecisionField>(field: F, value: DecisionFields[F]) => write(() => setDecisionField(ydoc, d.id, field, value))
  const setStatus = (status: DecisionFields['status']) =>
    write(() => updateDecision(ydoc, d.id, status === 'decided' && !d.decidedOn ? { status, decidedOn: today } : { status }))
  const changed = ctx.baseline?.rowIds.has(d.id) ? ctx.baseline : null
  const due = d.status === 'open' ? dueText(d.dueDate, today) : ''

  return (
    <article className={`decision-item status-${d.status} ${ctx.highlighted.has(d.id) ? 'is-highlighted' : ''}`} data-testid="decision-item" data-decision-id={d.id}>
      <div className="decision-main">
        <button type="button" className="row-toggle" aria-expanded={expanded} aria-label={expanded ? 'Hide details' : 'Show details'} onClick={onToggle}>
          {expanded ? '▾' : '▸'}
        </button>
        <div className="decision-question">
          <CellText value={d.question} text={textOf(ydoc, d, 'question')} write={write} cell={cellOf(d, 'question')} label="Question" readOnly={readOnly}
            placeholder="What needs deciding?" maxLength={LIMITS.title} autoFocus={autoFocus} className="strong" testId="decision-question" />
        </div>
        {changed && <ChangedBadge label={changed.label} createdAt={changed.createdAt} />}
        <div className="decision-status">
          <CellSelect value={d.status} options={STATUS_OPTIONS} label="Status" readOnly={readOnly} cell={cellOf(d, 'status')} className={`decision-status-${d.status}`}
            testId="decision-status" onCommit={(v) => setStatus(v as DecisionFields['status'])} />
        </div>
        <RecordCommentButton recordId={d.id} label={d.question || 'untitled decision'} />
        {canWrite && <button type="button" className="row-delete" aria-label={`Delete ${d.question || 'decision'}`} title="Delete decision" onClick={onAskDelete}>×</button>}
      </div>
      <div className="decision-meta">
        <label className="meta-field"><span>Owner</span>
          <CellText value={d.owner} text={textOf(ydoc, d, 'owner')} write={write} cell={cellOf(d, 'owner')} label="Owner" readOnly={readOnly} placeholder="Owner" maxLength={LIMITS.name} />
        </label>
        <label className="meta-field"><span>Due</span>
          <CellInput type="date" value={d.dueDate ?? ''} label="Due date" readOnly={readOnly} testId="decision-dueDate" cell={cellOf(d, 'dueDate')}
            onCommit={(text) => set('dueDate', parseDateInput(text))} />
        </label>
        {due && <span className={`due-text ${due.includes('overdue') ? 'overdue' : ''}`}>{due}</span>}
        <span className="age-text" data-testid="decision-age">{openedText(decisionAgeDays(d, today))}</span>
        {d.status === 'decided' && d.decidedOn && <span className="age-text">decided {dateLabel(d.decidedOn)}</span>}
      </div>
      {!expanded && d.outcome && <p className="decision-outcome"><span>Outcome</span>{d.outcome}</p>}
      {confirming && <ConfirmDelete what={d.question || 'this decision'} onConfirm={onDelete} onCancel={onCancelDelete} />}
      {expanded && <DecisionDetail decision={d} ctx={ctx} />}
    </article>
  )
}

function DecisionDetail({ decision: d, ctx }: { decision: Decision; ctx: DecisionContext }) {
  const { ydoc, canWrite, write } = ctx
  const readOnly = !canWrite
  const fragment = useRowFragment((writable) => getDecisionContext(ydoc, d.id, { writable }), canWrite)
  const set = <F extends DecisionField>(field: F, value: DecisionFields[F]) => write(() => setDecisionField(ydoc, d.id, field, value))
  return (
    <div className="decision-detail">
      <label className="detail-field"><span className="detail-label">Options</span>
        <CellText multiline value={d.options} text={textOf(ydoc, d, 'options')} write={write} cell={cellOf(d, 'options')} label="Options" readOnly={readOnly}
          placeholder="The options on the table" maxLength={LIMITS.note} />
      </label>
      <label className="detail-field"><span className="detail-label">Outcome</span>
        <CellText multiline value={d.outcome} text={textOf(ydoc, d, 'outcome')} write={write} cell={cellOf(d, 'outcome')} label="Outcome" readOnly={readOnly}
          placeholder="What was decided" maxLength={LIMITS.note} />
      </label>
      <label className="detail-field narrow"><span className="detail-label">Decided on</span>
        <CellInput type="date" value={d.decidedOn ?? ''} label="Decided on" readOnly={readOnly} cell={cellOf(d, 'decidedOn')} onCommit={(text) => set('decidedOn', parseDateInput(text))} />
      </label>
      <div className="detail-field wide">
        <OptionalRichTextField fragment={fragment} provider={ctx.provider} user={ctx.user} canWrite={canWrite} heading="Context"
          label={`Context of ${d.question || 'decision'}`} emptyText="No context." testId="decision-context"
          commentPlace={{ recordId: d.id, field: 'context' }} />
      </div>
    </div>
  )
}
