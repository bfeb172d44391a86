// Saved versions record which threads were open and which resolved at that moment (a save, a
// meeting's end, a restore), and compare lists the threads resolved, opened and reopened between.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

async function team() {
  const setup = await workspaceWithDocument(server.url, 'roadmap')
  const viewer = await setup.addMember('Vera Viewer', 'viewer')
  const thread = async (body: string, recordId = 'init-1') => {
    const res = await viewer.post(`/api/documents/${setup.documentId}/comments`, { body, anchor: { type: 'record', recordId } })
    expect(res.status).toBe(201)
    return res.body.comment.id as string
  }
  const save = async (label: string) => {
    const res = await setup.owner.post(`/api/documents/${setup.documentId}/versions`, { label })
    expect(res.status).toBe(201)
    return res.body.version.version as number
  }
  return { ...setup, viewer, thread, save }
}

const ids = (list: { id: string }[]) => list.map((t) => t.id)

describe('threads in saved versions', () => {
  it('a saved version keeps the threads as they were; compare lists what was resolved, opened and reopened', async () => {
    const { owner, viewer, documentId, thread, save } = await team()
    const a = await thread('Why does Q3 cost double?')
    const b = await thread('Who owns the migration?', 'init-2')
    const v1 = await save('Before the review')

    expect((await owner.patch(`/api/comments/${a}`, { resolved: true })).status).toBe(200)
    const c = await thread('Is the vendor renewal in?')
    const v2 = await save('After the review')

    // Later changes do not rewrite what v1 recorded.
    expect((await owner.patch(`/api/comments/${b}`, { resolved: true })).status).toBe(200)
    const first = await viewer.get(`/api/documents/${documentId}/versions/${v1}`)
    expect(first.status).toBe(200)
    expect(first.body.threads).toEqual([
      { id: a, resolved: false, body: 'Why does Q3 cost double?', authorName: 'Vera Viewer', anchor: { type: 'record', recordId: 'init-1' } },
      { id: b, resolved: false, body: 'Who owns the migration?', authorName: 'Vera Viewer', anchor: { type: 'record', recordId: 'init-2' } },
    ])
    // The threads alone, without the version's state or projection.
    const threadsOnly = await viewer.get(`/api/documents/${documentId}/versions/${v1}/threads`)
    expect(threadsOnly.status).toBe(200)
    expect(threadsOnly.body.threads).toEqual(first.body.threads)
    expect((await viewer.get(`/api/documents/${documentId}/versions/99/threads`)).status).toBe(404)
    const outsider = await signUp(server.url, 'Otto Outsider')
    expect((await outsider.get(`/api/documents/${documentId}/versions/${v1}/threads`)).status).toBe(403)
    expect((await outsider.get(`/api/documents/${documentId}/versions/${v1}`)).status).toBe(403)
    const second = await viewer.get(`/api/documents/${documentId}/versions/${v2}`)
    expect(second.body.threads.map((t: { id: string; resolved: boolean }) => [t.id, t.resolved])).toEqual([[a, true], [b, false], [c, false]])

    const compared = await viewer.get(`/api/documents/${documentId}/compare?from=${v1}&to=${v2}`)
    expect(compared.status).toBe(200)
    expect(ids(compared.body.threads.resolved)).toEqual([a])
    expect(compared.body.threads.resolved[0]).toMatchObject({ resolved: true, body: 'Why does Q3 cost double?' })
    expect(ids(compared.body.threads.opened)).toEqual([c])
    expect(compared.body.threads.reopened).toEqual([])

    // Against the live document: b was resolved since v2, a reopened; c deleted since shows as deleted.
    expect((await owner.patch(`/api/comments/${a}`, { resolved: false })).status).toBe(200)
    const live = await viewer.get(`/api/documents/${documentId}/compare?from=${v2}&to=live`)
    expect(live.status).toBe(200)
    expect(ids(live.body.threads.resolved)).toEqual([b])
    expect(ids(live.body.threads.reopened)).toEqual([a])
    expect(live.body.threads.opened).toEqual([])

    expect((await viewer.delete(`/api/comments/${c}`)).status).toBe(204)
    expect((await viewer.get(`/api/documents/${documentId}/versions/${v2}`)).body.threads[2]).toEqual({ id: c, resolved: false, body: null, authorName: null, anchor: null })
  })

  it('a version saved with no threads records an empty list, and compare reports no changes', async () => {
    const { viewer, documentId, save } = await team()
    const v1 = await save('Empty')
    expect((await viewer.get(`/api/documents/${documentId}/versions/${v1}`)).body.threads).toEqual([])
    const compared = await viewer.get(`/api/documents/${documentId}/compare?from=${v1}&to=live`)
    expect(compared.body.threads).toEqual({ resolved: [], opened: [], reopened: [] })
  })

  it('a restore and a meeting\'s end record the threads too', async () => {
    const { owner, viewer, documentId, workspaceId, thread, save } = await team()
    const a = await thread('Open at the meeting')
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Q4 board', startsAt: '2026-12-01T09:00:00Z', agenda: [documentId] })
    expect(meeting.status).toBe(201)
    expect((await owner.post(`/api/meetings/${meeting.body.id}/start`)).status).toBe(200)
    const ended = await owner.post(`/api/meetings/${meeting.body.id}/end`)
    expect(ended.status).toBe(200)
    const atEnd = ended.body.versions.find((v: { documentId: string }) => v.documentId === documentId).version
    expect((await viewer.get(`/api/documents/${documentId}/versions/${atEnd}`)).body.threads.map((t: { id: string; resolved: boolean }) => [t.id, t.resolved])).toEqual([[a, false]])

    expect((await owner.patch(`/api/comments/${a}`, { resolved: true })).status).toBe(200)
    const v = await save('Later')
    const restored = await owner.post(`/api/documents/${documentId}/restore`, { version: atEnd })
    expect(restored.status).toBe(200)
    // A restore brings back the document, not the discussion: the thread stays resolved.
    const after = await viewer.get(`/api/documents/${documentId}/versions/${restored.body.version.version}`)
    expect(after.body.threads.map((t: { id: string; resolved: boolean }) => [t.id, t.resolved])).toEqual([[a, true]])
    const compared = await viewer.get(`/api/documents/${documentId}/compare?from=${atEnd}&to=${v}`)
    expect(ids(compared.body.threads.resolved)).toEqual([a])
  })

  it('versions saved before threads were recorded answer null, and compare with them says null', async () => {
    const { owner, viewer, documentId, save } = await team()
    const v1 = await save('Old')
    // As a version written before the column existed reads (the migration adds it empty).
    const { createClient } = await import('@libsql/client')
    const client = createClient({ url: `file:${server.dbPath}` })
    try {
      await client.execute({ sql: 'UPDATE versions SET threads = NULL WHERE document_id = ? AND version = ?', args: [documentId, v1] })
    } finally {
      client.close()
    }
    expect((await viewer.get(`/api/documents/${documentId}/versions/${v1}`)).body.threads).toBeNull()
    expect((await viewer.get(`/api/documents/${documentId}/versions/${v1}/threads`)).body).toEqual({ threads: null })
    expect((await owner.get(`/api/documents/${documentId}/compare?from=${v1}&to=live`)).body.threads).toBeNull()
  })
})
