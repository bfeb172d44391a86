// After a meeting: the versions it saved, each linking to its document's history.
import { useEffect, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { dateLabel } from '../../../shared/format/dates'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { BoardPackLinks } from './BoardPackLinks'
import type { EndMeetingDto, MeetingDto } from '../../../shared/api'

export type Saved = EndMeetingDto['versions']

/** The meeting's versions: as returned by "end", or found in each document's history. */
export function useMeetingVersions(meeting: MeetingDto, known: Saved | null): { versions: Saved | null; error: string | null } {
  const [found, setFound] = useState<Saved | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ids = [...meeting.agenda.map((d) => d.id), ...(meeting.notes ? [meeting.notes.id] : [])].join(',')

  useEffect(() => {
    if (known || !ids) return
    const controller = new AbortController()
    Promise.all(ids.split(',').map((id) => api.listVersions(id, controller.signal).then((r) => r.versions.map((v) => ({ ...v, documentId: id })))))
      .then((lists) => setFound(lists.flat().filter((v) => v.meetingId === meeting.id)))
      .catch((err) => {
        if (!controller.signal.aborted) setError(errorMessage(err))
      })
    return () => controller.abort()
  }, [known, ids, meeting.id])

  return { versions: known ?? found, error }
}

export function MeetingVersions({ meeting, versions, error, children }: { meeting: MeetingDto; versions: Saved | null; error: string | null; children?: ReactNode }) {
  const titleOf = (documentId: string) =>
    meeting.agenda.find((d) => d.id === documentId)?.title ?? (meeting.notes?.id === documentId ? 'Meeting notes' : 'Document')

  return (
    <section className="meeting-versions" data-testid="ended-versions" aria-labelledby="ended-versions-title">
      <div className="meeting-versions-head">
        <h2 className="side-title" id="ended-versions-title">
          Saved when the meeting ended{meeting.endedAt ? ` — ${dateLabel(meeting.endedAt)}` : ''}
        </h2>
        {meeting.cadence === 'board' && <BoardPackLinks meetingId={meeting.id} />}
      </div>
      {children}
      <FormError message={error} />
      {versions === null ? (
        <p className="muted small-text">Loading the saved versions…</p>
      ) : versions.length === 0 ? (
        <p className="muted small-text">No versions were saved.</p>
      ) : (
        <ul className="meeting-version-list">
          {versions.map((v) => (
            <li key={`${v.documentId}:${v.version}`}>
              <Link to={`/d/${v.documentId}/history?version=${v.version}`} data-testid="ended-version-link" data-document-id={v.documentId}>
                <span className="version-chip">v{v.version}</span> {titleOf(v.documentId)}
              </Link>
              <span className="muted"> · {v.label}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
