// The demo workspace served by the real server (built client included), with API clients signed in
// as its owner and its viewer, and the ids of what it holds: one document of every kind, last
// quarter's ended board meeting and the next (scheduled) leadership meeting.
import type { DocumentKind } from '../../shared/document-kinds'
import { DEMO_PEOPLE } from '../../server/seed/demo-workspace'
import { ApiClient } from './api'
import { startServer, type TestServer } from './server'

export interface DemoSite {
  server: TestServer
  owner: ApiClient
  viewer: ApiClient
  workspaceId: string
  /** The demo document of each kind (not the meetings' own notes). */
  documents: Record<DocumentKind, string>
  endedMeetingId: string
  scheduledMeetingId: string
}

async function signIn(server: TestServer, role: 'owner' | 'viewer'): Promise<ApiClient> {
  const client = new ApiClient(server.url)
  const email = DEMO_PEOPLE.find((p) => p.role === role)!.email
  const res = await client.post('/api/auth/login', { email, password: server.demoPassword() })
  if (res.status !== 200) throw new Error(`demo login as ${role} failed: ${res.status}`)
  return client
}

export async function startDemoSite(): Promise<DemoSite> {
  const server = await startServer({ seedDemo: true, serveClient: true })
  const [owner, viewer] = [await signIn(server, 'owner'), await signIn(server, 'viewer')]
  const workspaceId = (await owner.get('/api/workspaces')).body.workspaces[0].id as string
  const meetings = (await owner.get(`/api/workspaces/${workspaceId}/meetings`)).body.meetings as { id: string; status: string; notesDocumentId: string }[]
  const meetingNotes = new Set(meetings.map((m) => m.notesDocumentId))
  const list = (await owner.get(`/api/workspaces/${workspaceId}/documents`)).body.documents as { id: string; kind: DocumentKind }[]
  // The leadership meeting's notes are the demo notes document: keep it; skip the board meeting's own notes.
  const scheduled = meetings.find((m) => m.status === 'scheduled')!
  const documents = Object.fromEntries(
    list.filter((d) => !meetingNotes.has(d.id) || d.id === scheduled.notesDocumentId).map((d) => [d.kind, d.id]),
  ) as Record<DocumentKind, string>
  return {
    server, owner, viewer, workspaceId, documents,
    endedMeetingId: meetings.find((m) => m.status === 'ended')!.id,
    scheduledMeetingId: scheduled.id,
  }
}
