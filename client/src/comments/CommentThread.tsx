// One thread: its text, who wrote it and when, its replies, and what the viewer may do with it.
import { useState } from 'react'
import type { CommentDto } from '../../../shared/api'
import { canDeleteComment, canResolveComment, type Role } from '../../../shared/roles'
import { api, errorMessage } from '../api'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { FormError } from '../components/FormError'
import { CommentForm } from './CommentForm'
import { threadElementId } from './thread-link'

interface Props {
  comment: CommentDto
  myUserId: string
  role: Role
  /** False on an archived document: threads can be read, not changed. */
  canChange: boolean
  /** A text thread whose words have been deleted (undefined: not known, its field is not on screen). */
  detached?: boolean
  onChanged: () => void
}

const when = (iso: string) => new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })

function anchorLabel(comment: CommentDto): string | null {
  if (comment.anchor.type === 'record') return 'On a row of the document'
  if (comment.anchor.type === 'text') return 'On a passage of text'
  return null
}

/** The words a text thread is pinned to, as they read when it was started; struck through once deleted. */
function TextQuote({ quote, detached }: { quote: string; detached?: boolean }) {
  return (
    <p className={`comment-quote${detached ? ' detached' : ''}`} data-testid="comment-quote">
      {detached && <span className="comment-detached" data-testid="comment-detached" title="The text this thread was on has been deleted">Detached</span>}
      <q>{quote}</q>
    </p>
  )
}

export function CommentThread({ comment, myUserId, role, canChange, detached, onChanged }: Props) {
  const [editing, setEditing] = useState(false)
  const [replying, setReplying] = useState(false)
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const own = comment.authorId === myUserId
  const where = anchorLabel(comment)

  async function run(action: () => Promise<unknown>) {
    setError(null)
    try {
      await action()
      onChanged()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  return (
    <article id={threadElementId(comment.id)} tabIndex={-1} className={`comment-thread${comment.resolved ? ' resolved' : ''}`} aria-label={`Thread by ${comment.authorName}`} data-testid="comment-thread">
      {comment.anchor.type === 'text' && comment.anchor.quote
        ? <TextQuote quote={comment.anchor.quote} detached={detached && !comment.resolved} />
        : where && <p className="comment-anchor">{where}{detached && !comment.resolved ? <> · <span className="comment-detached" data-testid="comment-detached">Detached</span></> : null}</p>}
      <header className="comment-meta">
        <strong>{own ? 'You' : comment.authorName}</strong>
        <time dateTime={comment.createdAt}>{when(comment.createdAt)}</time>
        {comment.updatedAt !== comment.createdAt && <span className="muted">(edited)</span>}
      </header>
      {editing ? (
        <CommentForm
          label="Edit comment" submitLabel="Save" initial={comment.body} testId="comment-edit-form"
          onSubmit={async (body) => { await api.updateComment(comment.id, { body }); setEditing(false); onChanged() }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="comment-body" data-testid="comment-body">{comment.body}</p>
      )}
      {comment.resolved && comment.resolvedBy && (
        <p className="comment-resolved-by">Resolved by {comment.resolvedBy.id === myUserId ? 'you' : comment.resolvedBy.name}</p>
      )}

      {comment.replies.length > 0 && (
        <ol className="comment-replies" aria-label="Replies">
          {comment.replies.map((reply) => (
            <li key={reply.id} className="comment-reply">
              <div className="comment-meta">
                <strong>{reply.authorId === myUserId ? 'You' : reply.authorName}</strong>
                <time dateTime={reply.createdAt}>{when(reply.createdAt)}</time>
              </div>
              <p className="comment-body">{reply.body}</p>
            </li>
          ))}
        </ol>
      )}

      {canChange && (
        <div className="comment-actions">
          {!comment.resolved && !replying && <button type="button" className="button small subtle" onClick={() => setReplying(true)}>Reply</button>}
          {canResolveComment(role, own) && (
            <button type="button" className="button small subtle" onClick={() => run(() => api.updateComment(comment.id, { resolved: !comment.resolved }))}>
              {comment.resolved ? 'Reopen' : 'Resolve'}
            </button>
          )}
          {own && !editing && <button type="button" className="button small subtle" onClick={() => setEditing(true)}>Edit</button>}
          {canDeleteComment(role, own) && (
            <button
              type="button" className="button small subtle danger"
              onClick={() => setConfirmingDelete(true)}
            >
              Delete
            </button>
          )}
        </div>
      )}
      {replying && (
        <CommentForm
          label={`Reply to ${own ? 'your thread' : comment.authorName}`} submitLabel="Reply" testId="comment-reply-form"
          onSubmit={async (body, mentions) => { await api.replyToComment(comment.id, body, mentions); setReplying(false); onChanged() }}
          onCancel={() => setReplying(false)}
        />
      )}
      <FormError message={error} />
      {confirmingDelete && (
        <ConfirmDialog
          title="Delete this thread?" confirmLabel="Delete" busyLabel="Deleting…" testId="delete-comment-dialog" confirmTestId="confirm-delete-comment"
          onConfirm={async () => { await api.deleteComment(comment.id); onChanged() }}
          onClose={() => setConfirmingDelete(false)}
        >
          The thread{comment.replies.length > 0 ? ` and its ${comment.replies.length === 1 ? 'reply' : `${comment.replies.length} replies`}` : ''} will be deleted for everyone.
        </ConfirmDialog>
      )}
    </article>
  )
}
