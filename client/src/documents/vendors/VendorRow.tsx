// One vendor: inline cells, computed notice deadline with its flag, and (expanded) its history.
import { noticeDeadline } from '../../../../shared/documents/vendor-renewals'
import { LIMITS } from '../../../../shared/documents/fields'
import { ASSESSMENTS, setVendorField, vendorText } from '../../../../shared/documents/vendors'
import type { Vendor, VendorField, VendorFields, VendorTextField } from '../../../../shared/documents/vendors'
import type { PresenceUser } from '../../../../shared/presence'
import { amountInputText, parseDateInput, parseNumberInput } from '../common/cell-values'
import { CellInput } from '../common/CellInput'
import { CellSelect } from '../common/CellSelect'
import { CellText } from '../common/CellText'
import { ChangedBadge } from '../common/ChangedBadge'
import { ConfirmDelete } from '../common/ConfirmDelete'
import { RecordCommentButton } from '../../comments/RecordCommentButton'
import { dateLabel } from '../common/format'
import type { EditableRowProps } from '../common/editable-row'
import { RenewalFlag } from './RenewalFlag'
import { VendorHistory } from './VendorHistory'

const COLUMN_COUNT = 10
const ASSESSMENT_OPTIONS = ASSESSMENTS.map((a) => ({ value: a, label: a[0].toUpperCase() + a.slice(1) }))

interface Props extends EditableRowProps {
  vendor: Vendor
  user: PresenceUser
  today: string
  currency: string
}

export function VendorRow(props: Props) {
  const { vendor: v, ydoc, canWrite, write, expanded } = props
  const readOnly = !canWrite
  const set = <F extends VendorField>(field: F, value: VendorFields[F]) => write(() => setVendorField(ydoc, v.id, field, value))
  const deadline = noticeDeadline(v)
  const cell = (field: VendorField) => ({ rowId: v.id, field })
  const text = (field: VendorTextField) => (writable: boolean) => vendorText(ydoc, v.id, field, { writable })

  return (
    <>
      <tr className={`vendor-row ${props.highlighted ? 'is-highlighted' : ''} ${expanded ? 'is-expanded' : ''}`} data-testid="vendor-row" data-vendor-id={v.id}>
        <td className="cell-toggle">
          <button type="button" className="row-toggle" aria-expanded={expanded} aria-label={expanded ? 'Hide history' : `Show history (${v.history.length})`} onClick={props.onToggle}>
            {expanded ? '▾' : '▸'}
          </button>
        </td>
        <td className="cell-title">
          <CellText value={v.name} text={text('name')} write={write} cell={cell('name')} label="Vendor name" readOnly={readOnly} placeholder="Vendor"
            maxLength={LIMITS.name} autoFocus={props.autoFocus} testId="vendor-name" />
          {props.baseline && <ChangedBadge label={props.baseline.label} createdAt={props.baseline.createdAt} />}
        </td>
        <td><CellText value={v.category} text={text('category')} write={write} cell={cell('category')} label="Category" readOnly={readOnly} placeholder="Category" maxLength={LIMITS.name} /></td>
        <td className="numeric">
          <CellInput value={amountInputText(v.annualValue)} numeric label={`Annual value (${props.currency})`} readOnly={readOnly} testId="vendor-annualValue" cell={cell('annualValue')}
            onCommit={(text) => set('annualValue', parseNumberInput(text, 0))} />
        </td>
        <td>
          <CellInput type="date" value={v.renewalDate ?? ''} label="Renewal date" readOnly={readOnly} testId="vendor-renewalDate" cell={cell('renewalDate')}
            onCommit={(text) => set('renewalDate', parseDateInput(text))} />
        </td>
        <td className="numeric">
          <CellInput value={String(v.noticeDays)} numeric label="Notice period (days)" readOnly={readOnly} testId="vendor-noticeDays" cell={cell('noticeDays')}
            onCommit={(text) => set('noticeDays', parseNumberInput(text, 0))} />
        </td>
        <td className="cell-deadline" data-testid="notice-deadline" data-date={deadline ?? ''}>
          <span className="deadline-date">{deadline ? dateLabel(deadline) : '—'}</span>
          <RenewalFlag vendor={v} today={props.today} />
        </td>
        <td><CellText value={v.owner} text={text('owner')} write={write} cell={cell('owner')} label="Owner" readOnly={readOnly} placeholder="Owner" maxLength={LIMITS.name} /></td>
        <td>
          <CellSelect value={v.assessment} options={ASSESSMENT_OPTIONS} label="Assessment" readOnly={readOnly} cell={cell('assessment')} className={`assessment-${v.assessment}`}
            onCommit={(value) => set('assessment', value as VendorFields['assessment'])} />
        </td>
        <td className="cell-actions">
          <RecordCommentButton recordId={v.id} label={v.name || 'untitled vendor'} />
          {canWrite && <button type="button" className="row-delete" aria-label={`Delete ${v.name || 'vendor'}`} title="Delete vendor" onClick={props.onAskDelete}>×</button>}
        </td>
      </tr>
      {props.confirming && (
        <tr className="confirm-row">
          <td colSpan={COLUMN_COUNT}>
            <ConfirmDelete what={v.name || 'this vendor'} onConfirm={props.onDelete} onCancel={props.onCancelDelete} />
          </td>
        </tr>
      )}
      {expanded && (
        <tr className="detail-row">
          <td />
          <td colSpan={COLUMN_COUNT - 1}>
            <VendorHistory vendor={v} ydoc={ydoc} user={props.user} canWrite={canWrite} today={props.today} />
          </td>
        </tr>
      )}
    </>
  )
}
