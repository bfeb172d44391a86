// "/m/:meetingId": the meeting room. Loads the meeting, then hands it to MeetingRoom; re-reads it
// now and then so a start or end by someone else shows up.
import { useCallback, useEffect, useState } from 'react'
import { Link, useParams } from 'react-router'
import { api, ApiRequestError, errorMessage } from '../api'
import { useCurrentWorkspace } from '../components/current-workspace'
import { PageLoading } from '../components/PageLoading'
import type { MeetingAccessDto, MeetingDto } from '../../../shared/api'
import { MeetingRoom } from '../meetings/MeetingRoom'
import '../history/history.css'
import '../meetings/meetings.css'

/** Fallback for status changes missed in awareness (someone ended it from another page). */
const REFRESH_MS = 15_000

export default function MeetingPage() {
  const { meetingId = '' } = useParams()
  const [access, setAccess] = useState<MeetingAccessDto | null>(null)
  const [loadError, setLoadError] = useState<{ status: number; message: string } | null>(null)
  useCurrentWorkspace(access?.meeting.workspaceId)

  useEffect(() => {
    const controller = new AbortController()
    setAccess(null)
    setLoadError(null)
    api
      .getMeeting(meetingId, controller.signal)
      .then(setAccess)
      .catch((err) => {
        if (!controller.signal.aborted) setLoadError({ status: err instanceof ApiRequestError ? err.status : 0, message: errorMessage(err) })
      })
    return () => controller.abort()
  }, [meetingId])

  const refresh = useCallback(() => {
    api
      .getMeeting(meetingId)
      .then((fresh) => setAccess((current) => (current && current.meeting.status !== fresh.meeting.status ? fresh : current)))
      .catch(() => {})
  }, [meetingId])

  const loaded = access !== null
  const ended = access?.meeting.status === 'ended'
  useEffect(() => {
    if (!loaded || ended) return
    const timer = setInterval(refresh, REFRESH_MS)
    return () => clearInterval(timer)
  }, [loaded, ended, refresh])

  const onMeetingChange = useCallback((meeting: MeetingDto) => setAccess((current) => (current ? { ...current, meeting } : current)), [])

  if (loadError) {
    return (
      <main className="page narrow-page">
        <h1 className="page-title">{loadError.status === 403 || loadError.status === 404 ? 'Meeting not available' : 'Could not open the meeting'}</h1>
        <p className="muted">{loadError.message}</p>
        <Link to="/" className="button">Back to workspaces</Link>
      </main>
    )
  }
  if (!access) return <PageLoading label="Opening meeting…" />
  return <MeetingRoom access={access} onMeetingChange={onMeetingChange} onRefresh={refresh} />
}
