// "/w/:workspaceId/meetings": the workspace's meetings (in progress, upcoming, past) and, for
// owners and editors, the form to schedule one.
import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { DocumentDto, MemberDto, WorkspaceDto } from '../../../shared/api'
import { canEditDocuments } from '../../../shared/roles'
import { api, ApiRequestError, errorMessage } from '../api'
import { PageLoading } from '../components/PageLoading'
import type { MeetingDto } from '../../../shared/api'
import { MeetingList } from '../meetings/MeetingList'
import { ScheduleMeetingForm } from '../meetings/ScheduleMeetingForm'
import '../history/history.css'
import '../meetings/meetings.css'

interface Loaded {
  workspace: WorkspaceDto
  members: MemberDto[]
  documents: DocumentDto[]
  meetings: MeetingDto[]
}

export default function MeetingsPage() {
  const { workspaceId = '' } = useParams()
  const [data, setData] = useState<Loaded | null>(null)
  const [loadError, setLoadError] = useState<{ status: number; message: string } | null>(null)
  const [scheduling, setScheduling] = useState(false)
  const [created, setCreated] = useState<MeetingDto | null>(null)

  useEffect(() => {
    const controller = new AbortController()
    const { signal } = controller
    setData(null)
    setLoadError(null)
    Promise.all([api.getWorkspace(workspaceId, signal), api.listDocuments(workspaceId, false, signal), api.listMeetings(workspaceId, signal)])
      .then(([ws, docs, list]) => setData({ workspace: ws.workspace, members: ws.members, documents: docs.documents, meetings: list.meetings }))
      .catch((err) => {
        if (!signal.aborted) setLoadError({ status: err instanceof ApiRequestError ? err.status : 0, message: errorMessage(err) })
      })
    return () => controller.abort()
  }, [workspaceId])

  if (loadError) {
    return (
      <main className="page narrow-page">
        <h1 className="page-title">{loadError.status === 403 || loadError.status === 404 ? 'Meetings not available' : 'Could not load meetings'}</h1>
        <p className="muted">{loadError.message}</p>
        <Link to="/" className="button">Back to workspaces</Link>
      </main>
    )
  }
  if (!data) return <PageLoading label="Loading meetings…" />

  const canSchedule = canEditDocuments(data.workspace.role)

  return (
    <main className="page meetings-page">
      <div className="page-head">
        <div>
          <nav className="breadcrumb" aria-label="Breadcrumb">
            <Link to={`/w/${workspaceId}`}>{data.workspace.name}</Link>
          </nav>
          <h1 className="page-title">Meetings</h1>
        </div>
        {canSchedule && !scheduling && (
          <button type="button" className="button primary" data-testid="schedule-meeting" onClick={() => setScheduling(true)}>
            Schedule meeting
          </button>
        )}
      </div>

      {created && !scheduling && (
        <div className="banner" role="status" data-testid="meeting-created">
          Scheduled “{created.title}”. <Link to={`/m/${created.id}`}>Open the meeting room</Link>
        </div>
      )}

      {scheduling && (
        <ScheduleMeetingForm
          workspaceId={workspaceId}
          members={data.members}
          documents={data.documents}
          onCancel={() => setScheduling(false)}
          onCreated={(meeting) => {
            setData((d) => (d ? { ...d, meetings: [meeting, ...d.meetings] } : d))
            setCreated(meeting)
            setScheduling(false)
          }}
        />
      )}

      <MeetingList meetings={data.meetings} />
    </main>
  )
}
