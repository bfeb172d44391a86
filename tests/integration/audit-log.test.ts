// The audit log through the real server: every audited act appears exactly once with its actor,
// even when two requests do it at once; an act whose audit row cannot be written does not happen;
// owners read it a page at a time; editors and viewers cannot; no route changes an entry.
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readDecisions } from '../../shared/documents/decisions'
import { ApiClient, signUp, uniqueEmail, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

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
    ok(await owner.patch(`/api/workspaces/${workspaceId}/members/${temp.userId}`, { role: 'editor' })) // no change: not recorded
    ok(await owner.delete(`/api/workspaces/${workspaceId}/members/${temp.userId}`), 204)

    // Invitations: created, revoked (once), accepted (once) by the invited person.
    const invitee = await signUp(server.url, 'Ivy Invitee')
    const invited = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: invitee.email, role: 'viewer' })
    ok(invited, 201)
    const dropped = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: uniqueEmail('nobody'), role: 'editor' })
    ok(dropped, 201)
    const revokes = await Promise.all([1, 2].map(() => owner.delete(`/api/workspaces/${workspaceId}/invitations/${dropped.body.invitation.id}`)))
    expect(revokes.map((r) => r.status).sort()).toEqual([204, 404])
    const token = new URL(invited.body.invitation.url).searchParams.get('token')
    ok(await invitee.post('/api/invitations/accept', { token }))
    ok(await invitee.post('/api/invitations/accept', { token }), 410)

    const created = await editor.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'vendors', title: 'Vendors' })
    ok(created, 201)
    // Two requests doing one act at once: the act and its entry happen once.
    const twice = <T>(act: () => Promise<T>) => Promise.all([act(), act()])
    for (const r of await twice(() => editor.patch(`/api/documents/${created.body.id}`, { archived: true }))) ok(r)
    ok(await editor.post(`/api/documents/${documentId}/versions`, { label: 'checkpoint' }), 201)
    ok(await owner.post(`/api/documents/${documentId}/restore`, { version: 1 }))
    // Opening a saved version (its Yjs state, as the page does) and a compare, by any member; the
    // JSON projection pages read for trends and baselines is not a view.
    ok(await viewer.get(`/api/documents/${documentId}/versions/1?format=yjs`))
    ok(await viewer.get(`/api/documents/${documentId}/versions/2`))
    ok(await viewer.get(`/api/documents/${documentId}/versions/2?format=yjs`))
    ok(await viewer.get(`/api/documents/${documentId}/compare?from=1&to=live`))
    ok(await viewer.get(`/api/documents/${documentId}/versions/9`), 404) // nothing read: not recorded

    const queue = await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'decisions', title: 'Decision queue' })
    ok(queue, 201)
    const meeting = (await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Q4 board', startsAt: '2026-12-01T09:00:00Z', agenda: [documentId] })).body.id
    ok(await owner.post(`/api/meetings/${meeting}/decision-items`, { items: [{ question: 'Renew the lease', dueDate: '2026-12-15' }] }), 201)
    const queueDoc = connectDoc(server.url, queue.body.id, owner.cookie)
    const decisionId = (await waitFor(() => readDecisions(queueDoc.doc).decisions[0])).id
    queueDoc.destroy()
    for (const r of await twice(() => editor.post(`/api/meetings/${meeting}/start`))) ok(r)
    ok(await editor.post(`/api/meetings/${meeting}/decisions`, { decisionId, outcome: 'approved', rationale: 'Good terms', votes: [] }), 201)
    for (const r of await twice(() => editor.post(`/api/meetings/${meeting}/end`))) ok(r)
    for (const r of await twice(() => owner.post(`/api/meetings/${meeting}/minutes/approve`))) ok(r)
    ok(await viewer.get(`/api/meetings/${meeting}/board-pack.md`))

    ok(await editor.get(`/api/workspaces/${workspaceId}/audit`), 403)
    ok(await viewer.get(`/api/workspaces/${workspaceId}/audit`), 403)
    const res = await owner.get(`/api/workspaces/${workspaceId}/audit?limit=200`)
    ok(res)
    const seen = res.body.entries.map((e: any) => [e.action, e.actorName]).reverse()
    expect(seen).toEqual([
      ['document-created', 'Olivia Owner'], ['member-added', 'Olivia Owner'], ['member-added', 'Olivia Owner'], ['signed-in', 'Eddie Editor'],
      ['member-added', 'Olivia Owner'], ['member-role-changed', 'Olivia Owner'], ['member-removed', 'Olivia Owner'],
      ['invitation-created', 'Olivia Owner'], ['invitation-created', 'Olivia Owner'], ['invitation-revoked', 'Olivia Owner'], ['invitation-accepted', 'Ivy Invitee'],
      ['document-created', 'Eddie Editor'], ['document-archived', 'Eddie Editor'], ['version-saved', 'Eddie Editor'],
      ['version-restored', 'Olivia Owner'], ['version-viewed', 'Vera Viewer'], ['version-viewed', 'Vera Viewer'], ['version-viewed', 'Vera Viewer'],
      ['document-created', 'Olivia Owner'], ['meeting-started', 'Eddie Editor'], ['decision-recorded', 'Eddie Editor'], ['meeting-ended', 'Eddie Editor'],
      ['minutes-approved', 'Olivia Owner'], ['board-pack-downloaded', 'Vera Viewer'],
    ])
    const detail = (action: string) => res.body.entries.filter((e: any) => e.action === action).map((e: any) => e.detail).reverse()
    expect(detail('version-saved')).toEqual(['Doc v1'])
    expect(detail('version-restored')).toEqual(['Doc v1 as v2'])
    expect(detail('version-viewed')).toEqual(['Doc v1', 'Doc v2', 'Doc: compared v1 with live'])
    expect(detail('invitation-revoked')).toEqual([dropped.body.invitation.email])
    expect(detail('invitation-accepted')).toEqual([`${invitee.email} as viewer`])
    const changed = res.body.entries.find((e: any) => e.action === 'member-role-changed')
    expect(changed).toMatchObject({ targetType: 'user', targetId: temp.userId, detail: 'Tess Temp: viewer → editor', actorId: owner.userId })
    expect(res.body.nextBefore).toBeNull()
    const accepted = res.body.entries.find((e: any) => e.action === 'invitation-accepted')
    expect(accepted).toMatchObject({ targetType: 'invitation', targetId: invited.body.invitation.id, actorId: invitee.userId })

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
  it('does not do an act whose audit row cannot be written', async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url, 'risks')
    const editor = await addMember('Eddie Editor', 'editor')
    const stranger = await signUp(server.url, 'Sam Stranger')
    const meeting = (await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Q1 board', startsAt: '2027-03-01T09:00:00Z', agenda: [documentId] })).body.id
    const entries = async () => (await owner.get(`/api/workspaces/${workspaceId}/audit?limit=200`)).body.entries as { action: string }[]
    const before = await entries()

    // The database refuses audit rows, as if the process died between the act and its entry.
    const db = createClient({ url: `file:${server.dbPath}` })
    await db.execute(`CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END`)
    try {
      const signIn = new ApiClient(server.url)
      expect((await signIn.post('/api/auth/login', { email: editor.email, password: 'correct horse battery' })).status).toBe(500)
      expect(signIn.cookie).toBe('')
      expect((await owner.post(`/api/workspaces/${workspaceId}/members`, { email: stranger.email, role: 'viewer' })).status).toBe(500)
      expect((await editor.post(`/api/documents/${documentId}/versions`, { label: 'lost' })).status).toBe(500)
      expect((await editor.post(`/api/meetings/${meeting}/start`)).status).toBe(500)
      expect((await editor.post(`/api/meetings/${meeting}/end`)).status).toBe(500)
    } finally {
      await db.execute('DROP TRIGGER refuse_audit')
      db.close()
    }
    expect((await owner.get(`/api/workspaces/${workspaceId}/members`)).body.members.map((m: any) => m.userId)).not.toContain(stranger.userId)
    expect((await owner.get(`/api/documents/${documentId}/versions`)).body.versions).toEqual([])
    expect((await owner.get(`/api/meetings/${meeting}`)).body.meeting).toMatchObject({ startedAt: null, endedAt: null })
    expect(await entries()).toEqual(before)

    // Once the entry can be written, the act happens, recorded once.
    expect((await editor.post(`/api/meetings/${meeting}/end`)).status).toBe(200)
    expect((await entries()).map((e) => e.action)).toEqual(['meeting-ended', ...before.map((e) => e.action)])
  })
})
