// The expanded part of an initiative row: risk note and rich-text description.
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { LIMITS } from '../../../../shared/documents/fields'
import { getInitiativeDescription, initiativeText } from '../../../../shared/documents/roadmap'
import type { Initiative } from '../../../../shared/documents/roadmap'
import type { PresenceUser } from '../../../../shared/presence'
import { CellText } from '../common/CellText'
import type { LocalUndo } from '../common/useLocalUndo'
import { useRowFragment } from '../common/useRowFragment'
import { LazyOptionalRichTextField as OptionalRichTextField } from '../rich-text/LazyRichTextField'

interface Props {
  initiative: Initiative
  ydoc: Y.Doc
  provider: WebsocketProvider | null
  user: PresenceUser
  canWrite: boolean
  write: LocalUndo['write']
}

export function RoadmapRowDetail({ initiative, ydoc, provider, user, canWrite, write }: Props) {
  const fragment = useRowFragment((writable) => getInitiativeDescription(ydoc, initiative.id, { writable }), canWrite)
  return (
    <div className="row-detail">
      <label className="detail-field">
        <span className="detail-label">Risk note</span>
        <CellText multiline value={initiative.riskNote} text={(writable) => initiativeText(ydoc, initiative.id, 'riskNote', { writable })} write={write}
          cell={{ rowId: initiative.id, field: 'riskNote' }} label="Risk note" readOnly={!canWrite} maxLength={LIMITS.riskNote}
          placeholder="What could go wrong, and what we are doing about it" testId="initiative-riskNote" />
      </label>
      <OptionalRichTextField fragment={fragment} provider={provider} user={user} canWrite={canWrite} heading="Description"
        label={`Description of ${initiative.title || 'initiative'}`} emptyText="No description." testId="initiative-description"
        commentPlace={{ recordId: initiative.id, field: 'description' }} />
    </div>
  )
}
