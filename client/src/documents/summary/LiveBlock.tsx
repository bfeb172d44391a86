// Frame of a summary live block: heading, where the figures come from, and its empty states.
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { RecordCommentButton } from '../../comments/RecordCommentButton'
import type { PickedSource } from '../common/pick-source'

interface Props {
  title: string
  kindLabel: string
  source: PickedSource | null
  loading: boolean
  synced: boolean
  testId: string
  /** The block's id as a comment anchor (`{type:'record', recordId}`): threads about this block. */
  recordId: string
  children: ReactNode
}

export function LiveBlock({ title, kindLabel, source, loading, synced, testId, recordId, children }: Props) {
  let body: ReactNode = children
  if (loading) body = <p className="muted small-text">Loading…</p>
  else if (!source) body = <p className="empty small">This workspace has no {kindLabel} yet.</p>
  else if (!synced) body = <p className="muted small-text">Connecting to {source.document.title}…</p>
  return (
    <section className="live-block" data-testid={testId} aria-label={title}>
      <header className="live-block-head">
        <h2 className="live-block-title">{title}</h2>
        <RecordCommentButton recordId={recordId} label={title} />
        {source && (
          <span className="live-source">
            <span className="live-dot no-print" aria-hidden="true" />
            Live from <Link to={`/d/${source.document.id}`}>{source.document.title}</Link>
          </span>
        )}
      </header>
      {body}
    </section>
  )
}
