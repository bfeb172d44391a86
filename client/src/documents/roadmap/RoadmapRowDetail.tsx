// The expanded part of an initiative row: risk note and rich-text description.
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { WriteResult } from '../../../../shared/documents/fields'
import { getInitiativeDescription } from '../../../../shared/documents/roadmap'
import type { Initiative } from '../../../../shared/documents/roadmap'
import type { PresenceUser } from '../../../../shared/presence'
import { CellInput } from '../common/CellInput'
import { useRowFragment } from '../common/useRowFragment'
import { LazyOptionalRichTextField as OptionalRichTextField } from '../rich-text/LazyRichTextField'

interface Props {
  initiative: Initiative
  ydoc: Y.Doc
  provider: WebsocketProvider | null
  user: PresenceUser
  canWrite: boolean
  onRiskNote: (text: string) => WriteResult
}

export function RoadmapRowDetail({ initiative, ydoc, provider, user, canWrite, onRiskNote }: Props) {
  const fragment = useRowFragment((writable) => getInitiativeDescription(ydoc, initiative.id, { writable }), canWrite)
  return (
    <div className="row-detail">
      <label className="detail-field">
        <span className="detail-label">Risk note</span>
        <CellInput multiline value={initiative.riskNote} label="Risk note" readOnly={!canWrite} placeholder="What could go wrong, and what we are doing about it"
          onCommit={onRiskNote} testId="initiative-riskNote" />
      </label>
      <OptionalRichTextField fragment={fragment} provider={provider} user={user} canWrite={canWrite} heading="Description"
        label={`Description of ${initiative.title || 'initiative'}`} emptyText="No description." testId="initiative-description" />
    </div>
  )
}
