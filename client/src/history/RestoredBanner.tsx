// "Alex Morgan restored v3 · Compare v4 → v5": shown to everyone who has the document open when a
// version is restored, with a link to the compare of the version saved by the restore against the
// document's latest version before it (version numbers only grow, so that is savedAs − 1).
import { Link } from 'react-router'
import { restoredText, type RestoredNotice } from '../../../shared/sync-notices'
import { dateTimeLabel } from '../../../shared/format/dates'

export function RestoredBanner({ notice, myUserId, onDismiss }: { notice: RestoredNotice; myUserId: string | null | undefined; onDismiss: () => void }) {
  const before = Math.max(1, notice.savedAs - 1)
  return (
    <div className="banner restored-banner" role="status" data-testid="restored-notice">
      <span>
        <strong>{restoredText(notice, myUserId)}</strong> <span className="muted">· {dateTimeLabel(notice.at)}</span>
      </span>
      <span className="banner-actions">
        <Link to={`/d/${notice.documentId}/compare?from=${before}&to=${notice.savedAs}`} data-testid="restored-compare-link">
          Compare v{before} → v{notice.savedAs}
        </Link>
        <button type="button" className="button small subtle" onClick={onDismiss} aria-label="Dismiss">
          Dismiss
        </button>
      </span>
    </div>
  )
}
