// A small mark on rows and sections that changed since the last board meeting.
import { dateLabel } from './format'

export function ChangedBadge({ label, createdAt }: { label: string; createdAt: string }) {
  const when = dateLabel(createdAt.slice(0, 10))
  return (
    <span className="changed-badge" data-testid="changed-since-board" title={`Changed since ${label} (${when})`}>
      Changed since board
    </span>
  )
}
