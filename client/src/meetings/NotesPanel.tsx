// The meeting's notes (the notes document, live) and "Send to decision queue".
import { Suspense, useRef, useState } from 'react'
import { Link } from 'react-router'
import type { DocumentDto } from '../../../shared/api'
import type { PresenceUser } from '../../../shared/presence'
import { PageLoading } from '../components/PageLoading'
import { bodyForKind } from '../documents/registry'
import type { DocumentSync } from '../sync/useDocumentSync'
import { linesFromText } from './decision-lines'
import { DecisionItemsForm } from './DecisionItemsForm'

interface Props {
  meetingId: string
  notes: DocumentDto | null
  sync: DocumentSync
  user: PresenceUser
  canWrite: boolean
}

export function NotesPanel({ meetingId, notes, sync, user, canWrite }: Props) {
  const panel = useRef<HTMLDivElement>(null)
  const [draftLines, setDraftLines] = useState<string[] | null>(null)
  const [added, setAdded] = useState<{ added: number; documentId: string } | null>(null)
  const Body = bodyForKind('notes')
  const stopped = sync.state === 'no-access' || sync.state === 'signed-out'
  const writable = canWrite && !sync.serverReadOnly && !stopped

  function openForm() {
    // Selected lines of the notes (the button keeps the selection: it acts on mousedown-less click).
    const selection = window.getSelection()
    const inNotes = selection && selection.rangeCount > 0 && panel.current?.contains(selection.getRangeAt(0).commonAncestorContainer)
    setDraftLines(inNotes ? linesFromText(selection.toString()) : [])
    setAdded(null)
  }

  return (
    <section className="notes-panel" aria-labelledby="notes-heading">
      <div className="notes-head">
        <h2 className="side-title" id="notes-heading">
          Notes
        </h2>
        {notes && (
          <Link to={`/d/${notes.id}`} className="notes-open" target="_blank" rel="noreferrer">
            Open
          </Link>
        )}
        {canWrite && draftLines === null && (
          <button
            type="button"
            className="button small"
            data-testid="send-to-decisions"
            title="Select lines in the notes first, or write the items in the form"
            onMouseDown={(e) => e.preventDefault()}
            onClick={openForm}
          >
            Send to decision queue
          </button>
        )}
      </div>
      {added && (
        <p className="decisions-added" role="status" data-testid="decisions-added">
          {added.added} {added.added === 1 ? 'item' : 'items'} added to{' '}
          <Link to={`/d/${added.documentId}`} target="_blank" rel="noreferrer">
            Decision queue
          </Link>
        </p>
      )}
      {draftLines !== null && (
        <DecisionItemsForm
          meetingId={meetingId}
          initialLines={draftLines}
          onCancel={() => setDraftLines(null)}
          onAdded={(result) => {
            setAdded(result)
            setDraftLines(null)
          }}
        />
      )}
      <div className="notes-body" ref={panel} data-testid="meeting-notes">
        {sync.ydoc && sync.provider ? (
          <Suspense fallback={<PageLoading label="Opening…" />}>
            <Body ydoc={sync.ydoc} provider={sync.provider} canWrite={writable} user={user} documentId={notes?.id} workspaceId={notes?.workspaceId} />
          </Suspense>
        ) : (
          <PageLoading label="Connecting…" />
        )}
      </div>
    </section>
  )
}
