// A row's comment marker: the count of its open threads, and a button to start one on it.
import { useDocumentComments } from './comment-context'

export function RecordCommentButton({ recordId, label }: { recordId: string; label: string }) {
  const comments = useDocumentComments()
  if (!comments) return null
  const open = comments.openOnRecord(recordId)
  const name = `Comment on ${label}${open ? ` (${open} open ${open === 1 ? 'thread' : 'threads'})` : ''}`
  return (
    <button type="button" className={`record-comment${open ? ' has-threads' : ''}`} aria-label={name} title={name}
      data-testid="record-comment" onClick={() => comments.startOnRecord({ recordId, label })}>
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round">
        <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
      </svg>
      {open > 0 && <span className="record-comment-count" aria-hidden="true">{open}</span>}
    </button>
  )
}
