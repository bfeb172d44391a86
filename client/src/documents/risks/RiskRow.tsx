// One risk or incident: inline cells, score, and (expanded) its mitigation.
import { memo } from 'react'
import { isHighRisk, riskScore } from '../../../../shared/documents/risk-figures'
import { LIMITS } from '../../../../shared/documents/fields'
import { RISK_KINDS, RISK_STATUSES, riskText, setRiskField } from '../../../../shared/documents/risks'
import type { Risk, RiskField, RiskFields, RiskTextField } from '../../../../shared/documents/risks'
import { parseDateInput } from '../common/cell-values'
import { CellInput } from '../common/CellInput'
import { CellSelect } from '../common/CellSelect'
import { CellText } from '../common/CellText'
import { ChangedBadge } from '../common/ChangedBadge'
import { ConfirmDelete } from '../common/ConfirmDelete'
import { RecordCommentButton } from '../../comments/RecordCommentButton'
import type { EditableRowProps } from '../common/editable-row'
import { PILLAR_OPTIONS } from '../roadmap/labels'

const COLUMN_COUNT = 12
const capital = (s: string) => s[0].toUpperCase() + s.slice(1)
const KIND_OPTIONS = RISK_KINDS.map((k) => ({ value: k, label: capital(k) }))
const STATUS_OPTIONS = RISK_STATUSES.map((s) => ({ value: s, label: capital(s) }))
const SCALE = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))

interface Props extends EditableRowProps {
  risk: Risk
}

// Memoised: the table keeps each row's props identical while that row did not change.
export const RiskRow = memo(function RiskRow(props: Props) {
  const { risk: r, ydoc, canWrite, write, expanded } = props
  const readOnly = !canWrite
  const set = <F extends RiskField>(field: F, value: RiskFields[F]) => write(() => setRiskField(ydoc, r.id, field, value))
  const score = riskScore(r)
  const high = isHighRisk(r)
  const cell = (field: RiskField) => ({ rowId: r.id, field })
  const text = (field: RiskTextField) => (writable: boolean) => riskText(ydoc, r.id, field, { writable })
  const scale = (field: 'severity' | 'likelihood', label: string) => (
    <td className="numeric">
      <CellSelect value={r[field] === null ? null : String(r[field])} options={SCALE} label={label} readOnly={readOnly} testId={`risk-${field}`} cell={cell(field)}
        emptyLabel={r[field] === null ? '—' : undefined} onCommit={(v) => set(field, v === '' ? null : Number(v))} />
    </td>
  )

  return (
    <>
      <tr className={`risk-row status-${r.status} ${high ? 'is-high' : ''} ${props.highlighted ? 'is-highlighted' : ''}`} data-testid="risk-row" data-risk-id={r.id}>
        <td className="cell-toggle">
          <button type="button" className="row-toggle" aria-expanded={expanded} aria-label={expanded ? 'Hide mitigation' : 'Show mitigation'} onClick={props.onToggle}>
            {expanded ? '▾' : '▸'}
          </button>
        </td>
        <td className="cell-title">
          <CellText value={r.title} text={text('title')} write={write} cell={cell('title')} label="Title" readOnly={readOnly} placeholder="Describe the risk"
            maxLength={LIMITS.title} autoFocus={props.autoFocus} testId="risk-title" />
          {props.baseline && <ChangedBadge label={props.baseline.label} createdAt={props.baseline.createdAt} />}
        </td>
        <td><CellSelect value={r.kind} options={KIND_OPTIONS} label="Kind" readOnly={readOnly} cell={cell('kind')} onCommit={(v) => set('kind', v as RiskFields['kind'])} /></td>
        <td>
          <CellSelect value={r.pillar} options={PILLAR_OPTIONS} label="Pillar" readOnly={readOnly} cell={cell('pillar')} emptyLabel="—"
            onCommit={(v) => set('pillar', v === '' ? null : (v as RiskFields['pillar']))} />
        </td>
        {scale('severity', 'Severity')}
        {scale('likelihood', 'Likelihood')}
        <td className="numeric">
          <span className={`score-pill ${high ? 'high' : ''}`} data-testid="risk-score" title={high ? 'High: reported to the board' : undefined}>{score ?? '—'}</span>
        </td>
        <td><CellText value={r.owner} text={text('owner')} write={write} cell={cell('owner')} label="Owner" readOnly={readOnly} placeholder="Owner" maxLength={LIMITS.name} /></td>
        <td><CellSelect value={r.status} options={STATUS_OPTIONS} label="Status" readOnly={readOnly} cell={cell('status')} className={`risk-status-${r.status}`} onCommit={(v) => set('status', v as RiskFields['status'])} /></td>
        <td><CellInput type="date" value={r.openedOn ?? ''} label="Opened on" readOnly={readOnly} cell={cell('openedOn')} onCommit={(text) => set('openedOn', parseDateInput(text))} /></td>
        <td><CellInput type="date" value={r.closedOn ?? ''} label="Closed on" readOnly={readOnly} cell={cell('closedOn')} testId="risk-closedOn" onCommit={(text) => set('closedOn', parseDateInput(text))} /></td>
        <td className="cell-actions">
          <RecordCommentButton recordId={r.id} label={r.title || 'untitled risk'} />
          {canWrite && <button type="button" className="row-delete" aria-label={`Delete ${r.title || 'risk'}`} title="Delete" onClick={props.onAskDelete}>×</button>}
        </td>
      </tr>
      {props.confirming && (
        <tr className="confirm-row"><td colSpan={COLUMN_COUNT}><ConfirmDelete what={r.title || 'this risk'} onConfirm={props.onDelete} onCancel={props.onCancelDelete} /></td></tr>
      )}
      {expanded && (
        <tr className="detail-row">
          <td />
          <td colSpan={COLUMN_COUNT - 1}>
            <label className="detail-field">
              <span className="detail-label">Mitigation</span>
              <CellText multiline value={r.mitigation} text={text('mitigation')} write={write} cell={cell('mitigation')} label="Mitigation"
                readOnly={readOnly} placeholder="What we are doing about it" maxLength={LIMITS.note} />
            </label>
          </td>
        </tr>
      )}
    </>
  )
})
