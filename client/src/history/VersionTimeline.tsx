// Versions on a timeline: quarters, then meetings (title + cadence chip), then each version.
import { dateTimeLabel } from '../../../shared/format/dates'
import { Link } from 'react-router'
import { cadenceLabel } from '../meetings/cadence'
import type { VersionSummaryDto } from '../../../shared/api'
import { groupVersionsByQuarter } from './version-groups'

interface Props {
  versions: VersionSummaryDto[]
  selected: number | null
  /** Versions taking part in the comparison on screen. */
  comparing: readonly (number | 'live')[]
  hrefFor: (version: number) => string
  fyStartMonth?: number
}

/** '15 Sep 2026, 11:02 UTC': the app's one date format (shared/format/dates.ts). */
export function formatTime(iso: string): string {
  return dateTimeLabel(iso)
}

export function VersionTimeline({ versions, selected, comparing, hrefFor, fyStartMonth }: Props) {
  if (versions.length === 0) {
    return <div className="empty small">No saved versions yet. Versions are saved when a meeting ends, or with “Save version”.</div>
  }
  return (
    <ol className="timeline" data-testid="version-timeline">
      {groupVersionsByQuarter(versions, fyStartMonth).map((q) => (
        <li key={q.quarter} className="timeline-quarter">
          <h3 className="timeline-quarter-title" data-testid="timeline-quarter">
            {q.quarter}
          </h3>
          {q.groups.map((g) => (
            <div key={g.key} className="timeline-group" data-meeting-id={g.meeting?.id}>
              <div className="timeline-group-head">
                {g.meeting ? (
                  <>
                    <span className={`cadence-chip cadence-${g.meeting.cadence ?? 'none'}`}>{cadenceLabel(g.meeting.cadence)}</span>
                    <Link to={`/m/${g.meeting.id}`} className="timeline-meeting" title="Open the meeting">
                      {g.meeting.title}
                    </Link>
                  </>
                ) : (
                  <span className="timeline-meeting muted">Saved outside meetings</span>
                )}
              </div>
              <ul className="timeline-versions">
                {g.versions.map((v) => (
                  <li key={v.version}>
                    <Link
                      to={hrefFor(v.version)}
                      className={`version-item ${comparing.includes(v.version) ? 'comparing' : ''}`}
                      data-testid="version-item"
                      data-version={v.version}
                      aria-current={selected === v.version ? 'true' : undefined}
                    >
                      <span className="version-chip">v{v.version}</span>
                      <span className="version-label">{v.label}</span>
                      <span className="version-meta">
                        {v.authorName ?? 'Unknown'} · {formatTime(v.createdAt)}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </li>
      ))}
    </ol>
  )
}
