// One pillar's section: status, trend, owner, last reviewed, and the rich-text narrative.
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { getPillarNarrative, pillarText, setPillarField } from '../../../../shared/documents/brief'
import { LIMITS } from '../../../../shared/documents/fields'
import type { BriefSection, BriefSectionField, BriefSectionFields } from '../../../../shared/documents/brief'
import type { PresenceUser } from '../../../../shared/presence'
import { parseDateInput } from '../common/cell-values'
import { CellInput } from '../common/CellInput'
import { CellSelect } from '../common/CellSelect'
import { CellText } from '../common/CellText'
import { ChangedBadge } from '../common/ChangedBadge'
import type { BoardBaseline } from '../common/useBoardBaseline'
import type { LocalUndo } from '../common/useLocalUndo'
import { useRowFragment } from '../common/useRowFragment'
import { OptionalRichTextField } from '../rich-text/RichTextField'
import { BRIEF_STATUS_OPTIONS, TREND_OPTIONS } from './brief-labels'
import { RecordCommentButton } from '../../comments/RecordCommentButton'

interface Props {
  id: string
  section: BriefSection
  ydoc: Y.Doc
  provider: WebsocketProvider | null
  user: PresenceUser
  canWrite: boolean
  write: LocalUndo['write']
  baseline: BoardBaseline | null
  highlighted: boolean
}

export function PillarSection({ id, section, ydoc, provider, user, canWrite, write, baseline, highlighted }: Props) {
  const readOnly = !canWrite
  const set = <F extends BriefSectionField>(field: F, value: BriefSectionFields[F]) => write(() => setPillarField(ydoc, section.pillar, field, value))
  // A section missing from the document (not yet synced, or damaged) is not created here.
  const exists = !section.invalid.includes('section')
  const cell = (field: BriefSectionField) => ({ rowId: section.pillar, field })
  const fragment = useRowFragment((writable) => getPillarNarrative(ydoc, section.pillar, { writable }), canWrite && exists)

  return (
    <section id={id} className={`pillar-section status-${section.status} ${highlighted ? 'is-highlighted' : ''}`}
      data-testid="pillar-section" data-pillar={section.pillar} data-status={section.status} aria-labelledby={`${id}-title`}>
      <div className="pillar-fields">
        <header className="pillar-head">
          <div className="pillar-title-row">
            <h2 className="pillar-title" id={`${id}-title`}>{section.label}</h2>
            <RecordCommentButton recordId={section.pillar} label={section.label} />
          </div>
          {baseline && <ChangedBadge label={baseline.label} createdAt={baseline.createdAt} />}
        </header>
        <label className="pillar-field">
          <span className="detail-label">Status</span>
          <CellSelect value={section.status} options={BRIEF_STATUS_OPTIONS} label={`${section.label} status`} readOnly={readOnly} cell={cell('status')}
            className={`status-select brief-status-${section.status}`} testId="pillar-status"
            onCommit={(v) => set('status', v as BriefSectionFields['status'])} />
        </label>
        <label className="pillar-field">
          <span className="detail-label">Trend</span>
          <CellSelect value={section.trend} options={TREND_OPTIONS} label={`${section.label} trend`} readOnly={readOnly} cell={cell('trend')} testId="pillar-trend"
            onCommit={(v) => set('trend', v as BriefSectionFields['trend'])} />
        </label>
        <label className="pillar-field">
          <span className="detail-label">Owner</span>
          <CellText value={section.owner} text={(writable) => pillarText(ydoc, section.pillar, 'owner', { writable })} write={write} cell={cell('owner')}
            label={`${section.label} owner`} readOnly={readOnly} placeholder="Owner" maxLength={LIMITS.name} testId="pillar-owner" />
        </label>
        <label className="pillar-field">
          <span className="detail-label">Last reviewed</span>
          <CellInput type="date" value={section.reviewedOn ?? ''} label={`${section.label} last reviewed`} readOnly={readOnly} cell={cell('reviewedOn')}
            onCommit={(text) => set('reviewedOn', parseDateInput(text))} />
        </label>
      </div>
      <OptionalRichTextField fragment={fragment} provider={provider} user={user} canWrite={canWrite} heading="Narrative"
        label={`${section.label} narrative`} emptyText="No narrative yet." testId="pillar-narrative"
        commentPlace={{ recordId: section.pillar, field: 'narrative' }} />
    </section>
  )
}
