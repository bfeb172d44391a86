// The audit log through the real server: every audited act appears exactly once with its actor;
// owners read it a page at a time; editors and viewers cannot; no route changes an entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

describe('the audit log', () => {
  it('records each audited act once, with its actor; owners only; append-only', async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url, 'risks')
    const editor = await addMember('Eddie Editor', 'editor')
    const viewer = await addMember('Vera Viewer', 'viewer')
    const temp = await signUp(server.url, 'Tess Temp')
    const ok = (res: { status: number }, status = 200) => expect(res.status).toBe(status)

    const again = new ApiClient(server.url)
    ok(await again.post('/api/auth/login', { email: editor.email, password: 'correct horse battery' }))
    ok(await owner.post(`/api/workspaces/${workspaceId}/members`, { email: temp.email, role: 'viewer' }), 201)
    ok(await owner.patch(`/api/workspaces/${workspaceId}/members/${temp.userId}`, { role: 'editor' }))
    ok(await owner.delete(`/api/workspaces/${workspaceId}/members/${temp.userId}`), 204)
    const created = await editor.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'vendors', title: 'Vendors' })
    ok(created, 201)
    ok(await editor.patch(`/api/documents/${created.body.id}`, { archived: true }))
    ok(await editor.patch(`/api/documents/${created.body.id}`, { archived: true }))
    ok(await editor.post(`/api/documents/${documentId}/versions`, { label: 'checkpoint' }), 201)
    ok(await owner.post(`/api/documents/${documentId}/restore`, { version: 1 }))
    const meeting = (await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Q4 board', startsAt: '2026-12-01T09:00:00Z', agenda: [documentId] })).body.id
    ok(await editor.post(`/api/meetings/${meeting}/start`))
    ok(await editor.post(`/api/meetings/${meeting}/start`))
    ok(await editor.post(`/api/meetings/${meeting}/end`))
    ok(await editor.post(`/api/meetings/${meeting}/end`))
    ok(await owner.post(`/api/meetings/${meeting}/minutes/approve`))
    ok(await owner.post(`/api/meetings/${meeting}/minutes/approve`))
    ok(await viewer.get(`/api/meetings/${meeting}/board-pack.md`))

    ok(await editor.get(`/api/workspaces/${workspaceId}/audit`), 403)
    ok(await viewer.get(`/api/workspaces/${workspaceId}/audit`), 403)
    const res = await owner.get(`/api/workspaces/${workspaceId}/audit?limit=200`)
    ok(res)
    const seen = res.body.entries.map((e: any) => [e.action, e.actorName]).reverse()
    expect(seen).toEqual([
      ['document-created', 'Olivia Owner'], ['member-added', 'Olivia Owner'], ['member-added', 'Olivia Owner'], ['signed-in', 'Eddie Editor'],
      ['member-added', 'Olivia Owner'], ['member-role-changed', 'Olivia Owner'], ['member-removed', 'Olivia Owner'],
      ['document-created', 'Eddie Editor'], ['document-archived', 'Eddie Editor'], ['version-saved', 'Eddie Editor'],
      ['version-restored', 'Olivia Owner'], ['meeting-started', 'Eddie Editor'], ['meeting-ended', 'Eddie Editor'],
      ['minutes-approved', 'Olivia Owner'], ['board-pack-downloaded', 'Vera Viewer'],
    ])
    const changed = res.body.entries.find((e: any) => e.action === 'member-role-changed')
    expect(changed).toMatchObject({ targetType: 'user', targetId: temp.userId, detail: 'Tess Temp: viewer → editor', actorId: owner.userId })
    expect(res.body.nextBefore).toBeNull()

    // Pages: newest first, `before` continues where the last page stopped.
    const first = (await owner.get(`/api/workspaces/${workspaceId}/audit?limit=5`)).body
    expect(first.entries).toHaveLength(5)
    const second = (await owner.get(`/api/workspaces/${workspaceId}/audit?limit=200&before=${first.nextBefore}`)).body
    expect([...first.entries, ...second.entries].map((e: any) => e.id)).toEqual(res.body.entries.map((e: any) => e.id))
    ok(await owner.get(`/api/workspaces/${workspaceId}/audit?limit=0`), 400)

    // No route changes or deletes an entry.
    const id = res.body.entries[0].id
    for (const method of ['DELETE', 'PATCH', 'PUT', 'POST']) {
      expect((await owner.request(method, `/api/workspaces/${workspaceId}/audit`, method === 'DELETE' ? undefined : {})).status).toBe(404)
      expect((await owner.request(method, `/api/workspaces/${workspaceId}/audit/${id}`, method === 'DELETE' ? undefined : {})).status).toBe(404)
    }
    expect((await owner.get(`/api/workspaces/${workspaceId}/audit?limit=200`)).body.entries).toEqual(res.body.entries)
  })
})
