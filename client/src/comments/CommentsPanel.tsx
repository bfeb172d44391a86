// The document's discussion: open threads, a form to start one (on the document, on the record
// whose comment button was pressed, or on the words selected in a rich-text field), and resolved
// threads folded away. Every member may comment, viewers included; the list follows the sync
// socket's "comments" notices.
import { useEffect, useRef } from 'react'
import { useSearchParams } from 'react-router'
import type { CommentDto } from '../../../shared/api'
import type { Role } from '../../../shared/roles'
import { api } from '../api'
import { CommentForm } from './CommentForm'
import { CommentThread } from './CommentThread'
import type { DocumentCommentsState } from './useDocumentCommentsState'
import { THREAD_PARAM, threadElementId } from './thread-link'
import './comments.css'

interface Props {
  documentId: string
  state: DocumentCommentsState
  myUserId: string
  role: Role
  archived: boolean
}

/** Whether the panel is in a column beside the document's text rather than below it. */
function panelBesideDocument(panel: HTMLElement | null): boolean {
  const body = panel?.closest('.document-layout')?.querySelector('.document-body')
  return Boolean(panel && body && panel.getBoundingClientRect().left >= body.getBoundingClientRect().right)
}

export function CommentsPanel({ documentId, state, myUserId, role, archived }: Props) {
  const { comments, error, reload, target, setTarget, detached, shown } = state
  const panel = useRef<HTMLElement>(null)
  const formBox = useRef<HTMLDivElement>(null)
  const resolvedBox = useRef<HTMLDetailsElement>(null)
  const [params] = useSearchParams()
  const wanted = params.get(THREAD_PARAM)
  const wantedFound = Boolean(wanted && comments?.some((c) => c.id === wanted))
  const open = comments?.filter((c) => !c.resolved) ?? []
  const resolved = comments?.filter((c) => c.resolved) ?? []
  const thread = (c: CommentDto) => (
    <li key={c.id}><CommentThread comment={c} myUserId={myUserId} role={role} canChange={!archived} detached={detached.get(c.id)} onChanged={() => void reload()} /></li>
  )

  // A record's comment button was pressed: bring the form into view, ready to type.
  useEffect(() => {
    if (!target) return
    formBox.current?.scrollIntoView({ block: 'nearest' })
    formBox.current?.querySelector('textarea')?.focus()
  }, [target])

  // A highlight in the text was clicked: bring its thread into view and mark it. A click into text
  // being edited does not scroll the page when the panel is below the document (a phone, a tablet):
  // the "Show comment" button by the caret does.
  useEffect(() => {
    if (!shown) return
    const element = document.getElementById(threadElementId(shown.threadId))
    if (!element) return
    if (!shown.quiet || panelBesideDocument(panel.current)) element.scrollIntoView({ block: 'nearest' })
    // Not from text being edited: focus the thread too, so the keyboard is at its Reply and Resolve.
    if (!shown.quiet) element.focus({ preventScroll: true })
    element.classList.remove('shown')
    void element.offsetWidth // restart the mark's fade
    element.classList.add('shown')
  }, [shown])

  // Opened from a notification (?thread=…): unfold resolved threads if need be, scroll to it, focus it.
  useEffect(() => {
    if (!wanted || !wantedFound) return
    const element = document.getElementById(threadElementId(wanted))
    if (resolvedBox.current?.contains(element)) resolvedBox.current.open = true
    element?.scrollIntoView({ block: 'center' })
    element?.focus({ preventScroll: true })
  }, [wanted, wantedFound])

  return (
    <section ref={panel} className="comments-panel" aria-labelledby="comments-title" data-testid="comments-panel">
      <h2 id="comments-title" className="side-title">
        Comments{comments && open.length > 0 ? <span className="comment-count"> · {open.length} open</span> : null}
      </h2>
      {archived ? (
        <p className="muted small-text">The document is archived: its comments are read-only.</p>
      ) : (
        <div ref={formBox} className="comment-new">
          {target && (
            <p className="comment-target" data-testid="comment-target">
              On <strong>{target.label}</strong>
              <button type="button" className="button small subtle" onClick={() => setTarget(null)} aria-label={`Comment on the whole document instead of ${target.label}`}>✕</button>
            </p>
          )}
          <CommentForm
            key={target ? JSON.stringify(target.anchor) : 'document'}
            label={target ? `Comment on ${target.label}` : 'Comment on this document'} submitLabel="Comment" testId="new-comment-form"
            onSubmit={async (body, mentions) => {
              await api.createComment(documentId, { body, mentions, anchor: target?.anchor ?? { type: 'document' } })
              setTarget(null)
              void reload()
            }}
          />
        </div>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {comments === null && !error && <p className="muted small-text">Loading comments…</p>}
      {comments && open.length === 0 && <p className="muted small-text">No open threads.</p>}
      {open.length > 0 && <ul className="comment-list" aria-label="Open threads">{open.map(thread)}</ul>}
      {resolved.length > 0 && (
        <details className="comments-resolved" ref={resolvedBox}>
          <summary>{resolved.length} resolved</summary>
          <ul className="comment-list" aria-label="Resolved threads">{resolved.map(thread)}</ul>
        </details>
      )}
    </section>
  )
}
