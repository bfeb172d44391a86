import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

describe('workspaces, members and roles', () => {
  it('makes the creator the owner and lists the workspace for them only', async () => {
    const owner = await signUp(server.url, 'Owner')
    const other = await signUp(server.url, 'Other')
    const created = await owner.post('/api/workspaces', { name: 'Northwind' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'Northwind', role: 'owner' })
    expect((await owner.get('/api/workspaces')).body.workspaces.map((w: any) => w.id)).toEqual([created.body.id])
    expect((await other.get('/api/workspaces')).body.workspaces).toEqual([])
    expect((await other.get(`/api/workspaces/${created.body.id}`)).status).toBe(403)
  })

  it('adds, changes and removes members; only owners manage them; the last owner stays', async () => {
    const { owner, workspaceId, addMember } = await workspaceWithDocument(server.url)
    const editor = await addMember('Eddie Editor', 'editor')
    const viewer = await addMember('Vera Viewer', 'viewer')
    const members = (await owner.get(`/api/workspaces/${workspaceId}/members`)).body.members
    expect(members.map((m: any) => [m.name, m.role]).sort()).toEqual([['Eddie Editor', 'editor'], ['Olivia Owner', 'owner'], ['Vera Viewer', 'viewer']])

    const outsider = await signUp(server.url, 'Outsider')
    expect((await editor.post(`/api/workspaces/${workspaceId}/members`, { email: outsider.email, role: 'editor' })).status).toBe(403)
    expect((await owner.post(`/api/workspaces/${workspaceId}/members`, { email: 'nobody@example.test', role: 'editor' })).status).toBe(404)
    expect((await owner.post(`/api/workspaces/${workspaceId}/members`, { email: outsider.email, role: 'admin' })).status).toBe(400)
    expect((await owner.post(`/api/workspaces/${workspaceId}/members`, { email: viewer.email, role: 'editor' })).status).toBe(409)

    const promoted = await owner.patch(`/api/workspaces/${workspaceId}/members/${viewer.userId}`, { role: 'editor' })
    expect(promoted.status).toBe(200)
    expect(promoted.body.member.role).toBe('editor')
    expect((await owner.patch(`/api/workspaces/${workspaceId}/members/${owner.userId}`, { role: 'viewer' })).status).toBe(409)
    expect((await owner.delete(`/api/workspaces/${workspaceId}/members/${owner.userId}`)).status).toBe(409)

    expect((await owner.delete(`/api/workspaces/${workspaceId}/members/${editor.userId}`)).status).toBe(204)
    expect((await editor.get(`/api/workspaces/${workspaceId}/documents`)).status).toBe(403)
  })

  it('creates, lists, renames and archives documents; viewers read but cannot change', async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url)
    const viewer = await addMember('Vic Viewer', 'viewer')
    const editor = await addMember('Ed Editor', 'editor')

    const roadmap = await editor.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'roadmap', title: 'Roadmap' })
    expect(roadmap.status).toBe(201)
    expect(roadmap.body).toMatchObject({ kind: 'roadmap', title: 'Roadmap', archivedAt: null, workspaceId })
    expect((await editor.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'spreadsheet', title: 'X' })).status).toBe(400)
    expect((await viewer.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'notes', title: 'X' })).status).toBe(403)

    const list = await viewer.get(`/api/workspaces/${workspaceId}/documents`)
    expect(list.body.documents.map((d: any) => d.title).sort()).toEqual(['Doc', 'Roadmap'])

    const meta = await viewer.get(`/api/documents/${documentId}`)
    expect(meta.body).toMatchObject({ role: 'viewer', canWrite: false })
    expect((await editor.get(`/api/documents/${documentId}`)).body.canWrite).toBe(true)

    const viewerRename = await viewer.patch(`/api/documents/${documentId}`, { title: 'Hijacked' })
    expect(viewerRename.status).toBe(403)
    expect(viewerRename.body.error).toMatch(/viewer/)
    const rename = await editor.patch(`/api/documents/${documentId}`, { title: 'Renamed' })
    expect(rename.status).toBe(200)
    expect(rename.body.document.title).toBe('Renamed')
    expect((await editor.patch(`/api/documents/${documentId}`, { title: '' })).status).toBe(400)

    expect((await owner.patch(`/api/documents/${documentId}`, { archived: true })).status).toBe(200)
    expect((await owner.get(`/api/workspaces/${workspaceId}/documents`)).body.documents.map((d: any) => d.id)).not.toContain(documentId)
    expect((await owner.get(`/api/workspaces/${workspaceId}/documents?archived=true`)).body.documents.map((d: any) => d.id)).toEqual([documentId])
  })

  it('answers 403 for another workspace\'s document and 404 for an unknown one', async () => {
    const a = await workspaceWithDocument(server.url)
    const b = await workspaceWithDocument(server.url)
    expect((await a.owner.get(`/api/documents/${b.documentId}`)).status).toBe(403)
    expect((await a.owner.patch(`/api/documents/${b.documentId}`, { title: 'x' })).status).toBe(403)
    expect((await a.owner.get('/api/documents/doesnotexist')).status).toBe(404)
    expect((await a.owner.get('/api/no/such/route')).status).toBe(404)
  })
})
