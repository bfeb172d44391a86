// The document's discussion: open threads, a form to start one, and resolved threads folded away.
// Every member may comment, viewers included; the list follows the sync socket's "comments" notices.
import type { WebsocketProvider } from 'y-websocket'
import type { Role } from '../../../shared/roles'
import { api } from '../api'
import { CommentForm } from './CommentForm'
import { CommentThread } from './CommentThread'
import { useComments } from './useComments'
import './comments.css'

interface Props {
  documentId: string
  provider: WebsocketProvider | null
  myUserId: string
  role: Role
  archived: boolean
}

export function CommentsPanel({ documentId, provider, myUserId, role, archived }: Props) {
  const { comments, error, reload } = useComments(documentId, provider)
  const open = comments?.filter((c) => !c.resolved) ?? []
  const resolved = comments?.filter((c) => c.resolved) ?? []
  const thread = (c: (typeof open)[number]) => (
    <li key={c.id}><CommentThread comment={c} myUserId={myUserId} role={role} canChange={!archived} onChanged={() => void reload()} /></li>
  )

  return (
    <section className="comments-panel" aria-labelledby="comments-title" data-testid="comments-panel">
      <h2 id="comments-title" className="side-title">
        Comments{comments && open.length > 0 ? <span className="comment-count"> · {open.length} open</span> : null}
      </h2>
      {archived ? (
        <p className="muted small-text">The document is archived: its comments are read-only.</p>
      ) : (
        <CommentForm
          label="Comment on this document" submitLabel="Comment" testId="new-comment-form"
          onSubmit={async (body) => { await api.createComment(documentId, { body, anchor: { type: 'document' } }); void reload() }}
        />
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      {comments === null && !error && <p className="muted small-text">Loading comments…</p>}
      {comments && open.length === 0 && <p className="muted small-text">No open threads.</p>}
      {open.length > 0 && <ul className="comment-list" aria-label="Open threads">{open.map(thread)}</ul>}
      {resolved.length > 0 && (
        <details className="comments-resolved">
          <summary>{resolved.length} resolved</summary>
          <ul className="comment-list" aria-label="Resolved threads">{resolved.map(thread)}</ul>
        </details>
      )}
    </section>
  )
}
