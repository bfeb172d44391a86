// Timestamp 0 is 1970-01-01T00:00:00Z, a real time: it must never read as "not set" (issue #17, item 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const EPOCH = '1970-01-01T00:00:00.000Z'

describe('a meeting at 1970-01-01T00:00:00Z', () => {
  it('round-trips its start time through create, get, list, patch and the versions it saves', async () => {
    const { owner, workspaceId, documentId } = await workspaceWithDocument(server.url, 'roadmap')
    const created = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Epoch board', startsAt: '1970-01-01T00:00:00Z', agenda: [documentId] })
    expect(created.status).toBe(201)
    expect(created.body.startsAt).toBe(EPOCH)
    const id = created.body.id as string

    expect((await owner.get(`/api/meetings/${id}`)).body.meeting.startsAt).toBe(EPOCH)
    const listed = (await owner.get(`/api/workspaces/${workspaceId}/meetings`)).body.meetings.find((m: { id: string }) => m.id === id)
    expect(listed.startsAt).toBe(EPOCH)

    const later = await owner.patch(`/api/meetings/${id}`, { startsAt: '2026-01-01T00:00:00Z' })
    expect(later.status).toBe(200)
    const back = await owner.patch(`/api/meetings/${id}`, { startsAt: '1970-01-01T00:00:00Z' })
    expect((await owner.get(`/api/meetings/${id}`)).body.meeting.startsAt).toBe(EPOCH)
    expect(back.status).toBe(200)
    // A patch that leaves out the agenda keeps it (zod 4 used to fill in the create default, []).
    expect((await owner.get(`/api/meetings/${id}`)).body.meeting.agenda.map((d: { id: string }) => d.id)).toEqual([documentId])

    expect((await owner.post(`/api/meetings/${id}/end`)).status).toBe(200)
    const versions = (await owner.get(`/api/documents/${documentId}/versions`)).body.versions as Array<{ meetingId: string | null; meetingStartsAt: string | null }>
    expect(versions.find((v) => v.meetingId === id)?.meetingStartsAt).toBe(EPOCH)
  })
})
