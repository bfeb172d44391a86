// One initiative in its own <tbody>: inline cells, and (expanded) its risk note and rich-text
// description; the tbody is what a windowed table measures.
import { memo } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { LIMITS } from '../../../../shared/documents/fields'
import { initiativeText, setInitiativeField } from '../../../../shared/documents/roadmap'
import type { Initiative, InitiativeField, InitiativeFields, InitiativeTextField } from '../../../../shared/documents/roadmap'
import type { PresenceUser } from '../../../../shared/presence'
import { amountInputText, parseNumberInput } from '../common/cell-values'
import { CellInput } from '../common/CellInput'
import { CellSelect } from '../common/CellSelect'
import { CellText } from '../common/CellText'
import { ChangedBadge } from '../common/ChangedBadge'
import { RecordCommentButton } from '../../comments/RecordCommentButton'
import { ConfirmDelete } from '../common/ConfirmDelete'
import type { EditableRowProps } from '../common/editable-row'
import { PILLAR_OPTIONS, RISK_OPTIONS, STATUS_OPTIONS } from './labels'
import { MonthSelect } from './MonthSelect'
import { RoadmapRowDetail } from './RoadmapRowDetail'

export const COLUMN_COUNT = 12

interface Props extends EditableRowProps {
  initiative: Initiative
  /** Position in the table as shown (sorted, filtered). */
  index: number
  /** The windowed table's ref callback that measures the row (useRowWindow). */
  measure?: (element: Element | null) => void
  months: readonly string[]
  provider: WebsocketProvider | null
  user: PresenceUser
}

// Memoised: the table keeps each row's props identical while that row did not change.
export const RoadmapRow = memo(function RoadmapRow(props: Props) {
  const { initiative: i, ydoc, canWrite, write, expanded } = props
  const readOnly = !canWrite
  const set = <F extends InitiativeField>(field: F, value: InitiativeFields[F]) => write(() => setInitiativeField(ydoc, i.id, field, value))
  const cell = (field: InitiativeField) => ({ rowId: i.id, field })
  const text = (field: InitiativeTextField) => (writable: boolean) => initiativeText(ydoc, i.id, field, { writable })
  const amountCell = (field: 'oneOffCost' | 'runRateCost' | 'capacity', label: string) => (
    <td className="numeric">
      <CellInput value={amountInputText(i[field])} numeric label={label} readOnly={readOnly} testId={`initiative-${field}`} cell={cell(field)}
        onCommit={(text) => set(field, parseNumberInput(text, 0))} />
    </td>
  )
  const classes = ['initiative-row', `status-${i.status}`, props.highlighted ? 'is-highlighted' : '', expanded ? 'is-expanded' : '']

  return (
    <tbody className="initiative" data-row-id={i.id} data-index={props.index} ref={props.measure}>
      <tr className={classes.join(' ')} aria-rowindex={props.index + 2} data-testid="initiative-row" data-initiative-id={i.id} data-highlighted={props.highlighted || undefined}>
        <td className="cell-toggle">
          <button type="button" className="row-toggle" aria-expanded={expanded} aria-label={expanded ? 'Hide details' : 'Show details'} onClick={props.onToggle}>
            {expanded ? '▾' : '▸'}
          </button>
        </td>
        <td className="cell-title">
          <CellText value={i.title} text={text('title')} write={write} cell={cell('title')} label="Title" readOnly={readOnly}
            placeholder="Untitled initiative" testId="initiative-title" maxLength={LIMITS.title} autoFocus={props.autoFocus} />
          {props.baseline && <ChangedBadge label={props.baseline.label} createdAt={props.baseline.createdAt} />}
        </td>
        <td>
          <CellSelect value={i.pillar} options={PILLAR_OPTIONS} label="Pillar" readOnly={readOnly} cell={cell('pillar')} emptyLabel={i.pillar === null ? '—' : undefined}
            onCommit={(v) => set('pillar', v === '' ? null : (v as InitiativeFields['pillar']))} />
        </td>
        <td><MonthSelect value={i.startMonth} months={props.months} label="Start month" readOnly={readOnly} cell={cell('startMonth')} onCommit={(v) => set('startMonth', v)} /></td>
        <td><MonthSelect value={i.endMonth} months={props.months} label="End month" readOnly={readOnly} cell={cell('endMonth')} onCommit={(v) => set('endMonth', v)} /></td>
        <td>
          <CellSelect value={i.status} options={STATUS_OPTIONS} label="Status" readOnly={readOnly} cell={cell('status')} className={`status-select status-${i.status}`}
            onCommit={(v) => set('status', v as InitiativeFields['status'])} />
        </td>
        {amountCell('oneOffCost', 'One-off cost')}
        {amountCell('runRateCost', 'Run-rate cost')}
        {amountCell('capacity', 'Capacity')}
        <td title={i.riskNote || undefined}>
          <CellSelect value={i.risk} options={RISK_OPTIONS} label="Risk" readOnly={readOnly} cell={cell('risk')} className={`risk-select risk-${i.risk}`}
            onCommit={(v) => set('risk', v as InitiativeFields['risk'])} />
        </td>
        <td><CellText value={i.owner} text={text('owner')} write={write} cell={cell('owner')} label="Owner" readOnly={readOnly} placeholder="Owner" maxLength={LIMITS.name} testId="initiative-owner" /></td>
        <td className="cell-actions">
          <RecordCommentButton recordId={i.id} label={i.title || 'untitled initiative'} />
          {canWrite && (
            <button type="button" className="row-delete" aria-label={`Delete ${i.title || 'initiative'}`} title="Delete initiative" onClick={props.onAskDelete}>×</button>
          )}
        </td>
      </tr>
      {props.confirming && (
        <tr className="confirm-row">
          <td colSpan={COLUMN_COUNT}>
            <ConfirmDelete what={i.title || 'this initiative'} onConfirm={props.onDelete} onCancel={props.onCancelDelete} />
          </td>
        </tr>
      )}
      {expanded && (
        <tr className="detail-row">
          <td />
          <td colSpan={COLUMN_COUNT - 1}>
            <RoadmapRowDetail initiative={i} ydoc={ydoc} provider={props.provider} user={props.user} canWrite={canWrite} write={write} />
          </td>
        </tr>
      )}
    </tbody>
  )
})
