// The discussion between the two sides of a comparison: threads resolved, newly opened and reopened.
import type { ThreadChangesDto, VersionThreadDto } from '../../../../shared/api'

const EXCERPT_CHARS = 240
const excerpt = (body: string) => (body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS)}…` : body)

const GROUPS = [
  { key: 'resolved', tag: 'Resolved', className: 'added' },
  { key: 'opened', tag: 'Opened', className: 'changed' },
  { key: 'reopened', tag: 'Reopened', className: 'changed' },
] as const

function Thread({ thread, tag, className }: { thread: VersionThreadDto; tag: string; className: string }) {
  return (
    <li className={`compare-row ${className}`} data-testid={`compare-thread-${tag.toLowerCase()}`} data-thread-id={thread.id}>
      <div className="compare-row-title">
        <span className={`change-tag ${className}`}>{tag}</span>
        {/* Rendered as text: a comment's HTML stays inert. */}
        <span className="compare-thread-body">{thread.body === null ? <em className="muted">A thread deleted since</em> : excerpt(thread.body)}</span>
      </div>
      {thread.authorName && <p className="compare-row-meta">Started by {thread.authorName}</p>}
    </li>
  )
}

/** `threads` null: one side is a version saved before threads were recorded. */
export function ThreadsCompare({ threads }: { threads: ThreadChangesDto | null }) {
  const count = threads ? threads.resolved.length + threads.opened.length + threads.reopened.length : 0
  return (
    <section className="compare-section compare-threads" data-testid="compare-threads" aria-labelledby="compare-threads-title">
      <h3 className="compare-title" id="compare-threads-title">Discussion</h3>
      {threads === null ? (
        <p className="muted compare-empty">Threads were not recorded with versions this old.</p>
      ) : count === 0 ? (
        <p className="muted compare-empty">No threads resolved or opened.</p>
      ) : (
        <>
          <p className="compare-counts">
            <span className="added-count">{threads.resolved.length} resolved</span>
            <span>{threads.opened.length} opened</span>
            {threads.reopened.length > 0 && <span>{threads.reopened.length} reopened</span>}
          </p>
          <ul className="compare-rows">
            {GROUPS.flatMap(({ key, tag, className }) => threads[key].map((t) => <Thread key={`${key}:${t.id}`} thread={t} tag={tag} className={className} />))}
          </ul>
        </>
      )}
    </section>
  )
}
