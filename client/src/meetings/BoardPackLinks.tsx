import { api } from '../api'

/** Downloads of an ended board meeting's pack, built by the server from the saved versions. */
export function BoardPackLinks({ meetingId, compact = false }: { meetingId: string; compact?: boolean }) {
  return (
    <span className={`board-pack-links ${compact ? 'compact' : ''}`} data-testid="board-pack-links">
      <a className="button small" href={api.boardPackUrl(meetingId, 'pdf')} download data-testid="board-pack-pdf">
        {compact ? 'PDF' : 'Board pack (PDF)'}
      </a>
      <a className="button small" href={api.boardPackUrl(meetingId, 'md')} download data-testid="board-pack-md">
        {compact ? 'Markdown' : 'Board pack (Markdown)'}
      </a>
    </span>
  )
}
