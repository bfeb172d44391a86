// A renewal decision derived from the vendor register: shown in its group, never editable here.
import { Link } from 'react-router'
import type { DerivedDecision } from '../../../../shared/documents/vendor-renewals'
import { dateLabel } from '../common/format'
import { dueText } from './decision-view'

interface Props {
  item: DerivedDecision
  today: string
  source: { id: string; title: string } | null
}

export function DerivedDecisionItem({ item, today, source }: Props) {
  return (
    <article className="decision-item derived" data-testid="derived-decision" data-vendor-id={item.vendorId} aria-label={`${item.question} (derived from the vendor register)`}>
      <div className="decision-main">
        <span className="row-toggle placeholder" aria-hidden="true" />
        <span className="decision-question static strong">{item.question}</span>
        <span className="derived-badge" title="Edit the vendor in the register to change this item">
          Derived from {source ? <Link to={`/d/${source.id}`}>vendor register</Link> : 'vendor register'}
        </span>
      </div>
      <div className="decision-meta">
        <span className="meta-field static"><span>Owner</span>{item.owner || '—'}</span>
        <span className="meta-field static"><span>Notice deadline</span>{dateLabel(item.dueDate)}</span>
        <span className={`due-text ${item.dueDate < today ? 'overdue' : ''}`}>{dueText(item.dueDate, today)}</span>
        <span className="age-text">{item.checkpoint}-day checkpoint since {dateLabel(item.checkpointOn)}</span>
      </div>
    </article>
  )
}
