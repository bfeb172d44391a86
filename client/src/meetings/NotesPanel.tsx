// The meeting's notes (the notes document, live), "Send to decision queue", and in the notes'
// toolbar "Make action": the selected text, or the line the caret is in, becomes the title of a new
// action in the create-action form, where the person still chooses its owner and due date.
import { useRef, useState } from 'react'
import { Link } from 'react-router'
import type { Editor } from '@tiptap/react'
import type { DocumentDto } from '../../../shared/api'
import type { PresenceUser } from '../../../shared/presence'
import { getBodyFragment } from '../../../shared/documents/rich-text'
import { PageLoading } from '../components/PageLoading'
import { LazyRichTextField } from '../documents/rich-text/LazyRichTextField'
import type { DocumentSync } from '../sync/useDocumentSync'
import { actionTitleFromNotes } from './action-from-notes'
import { linesFromText } from './decision-lines'
import { DecisionItemsForm } from './DecisionItemsForm'

interface Props {
  meetingId: string
  notes: DocumentDto | null
  sync: DocumentSync
  user: PresenceUser
  canWrite: boolean
  /** Opens the create-action form with this title. */
  onMakeAction: (title: string) => void
}

export function NotesPanel({ meetingId, notes, sync, user, canWrite, onMakeAction }: Props) {
  const panel = useRef<HTMLDivElement>(null)
  const [draftLines, setDraftLines] = useState<string[] | null>(null)
  const [added, setAdded] = useState<{ added: number; documentId: string } | null>(null)
  const stopped = sync.state === 'no-access' || sync.state === 'signed-out'
  const writable = canWrite && !sync.serverReadOnly && !stopped

  function openForm() {
    // Selected lines of the notes (the button keeps the selection: it acts on mousedown-less click).
    const selection = window.getSelection()
    const inNotes = selection && selection.rangeCount > 0 && panel.current?.contains(selection.getRangeAt(0).commonAncestorContainer)
    setDraftLines(inNotes ? linesFromText(selection.toString()) : [])
    setAdded(null)
  }

  const makeActionTool = (editor: Editor) => (
    <button
      type="button"
      className="tool text-tool"
      data-testid="make-action"
      title="Make an action item from the selected text, or from the line the cursor is in"
      // Keep the editor's selection: act on mousedown without taking focus.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onMakeAction(actionTitleFromNotes(editor.state))}
    >
      Make action
    </button>
  )

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
          <LazyRichTextField
            fragment={getBodyFragment(sync.ydoc)}
            provider={sync.provider}
            user={user}
            canWrite={writable}
            label="Meeting notes"
            variant="body"
            toolbarExtra={makeActionTool}
          />
        ) : (
          <PageLoading label="Connecting…" />
        )}
      </div>
    </section>
  )
}
