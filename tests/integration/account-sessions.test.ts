// A person sees their sessions and ends one: its cookie stops working and its sync sockets close (4401).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/close-codes'
import { ApiClient, signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

describe('GET/DELETE /api/me/sessions', () => {
  it('lists the sessions with their browsers, marks this one, and ends another with its sockets', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const phone = new ApiClient(server.url)
    const login = await phone.request('POST', '/api/auth/login', { email: owner.email, password: 'correct horse battery' }, { 'user-agent': 'Phone Browser/1.0' })
    expect(login.status).toBe(200)

    const list = await owner.get('/api/me/sessions')
    expect(list.status).toBe(200)
    const sessions = list.body.sessions as { id: string; createdAt: string; lastSeenAt: string; userAgent: string | null; current: boolean }[]
    expect(sessions).toHaveLength(2)
    expect(sessions.filter((s) => s.current)).toHaveLength(1)
    const phoneSession = sessions.find((s) => s.userAgent === 'Phone Browser/1.0')!
    expect(phoneSession.current).toBe(false)
    expect(Date.parse(phoneSession.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(phoneSession.createdAt))
    expect((await phone.get('/api/me/sessions')).body.sessions.find((s: { id: string }) => s.id === phoneSession.id).current).toBe(true)

    const onPhone = connectDoc(server.url, documentId, phone.cookie)
    await onPhone.synced()
    expect((await owner.delete(`/api/me/sessions/${phoneSession.id}`)).status).toBe(204)
    await waitFor(() => onPhone.closes.some((c) => c.code === CloseCode.unauthenticated), { message: 'phone socket closed 4401' })
    expect((await phone.get('/api/me')).status).toBe(401)
    expect((await owner.get('/api/me/sessions')).body.sessions).toHaveLength(1)
    expect((await owner.delete(`/api/me/sessions/${phoneSession.id}`)).status).toBe(404)
    onPhone.destroy()
  })

  it("cannot see or end someone else's session", async () => {
    const alice = await signUp(server.url, 'Alice')
    const bob = await signUp(server.url, 'Bob')
    const [bobSession] = (await bob.get('/api/me/sessions')).body.sessions
    expect((await alice.get('/api/me/sessions')).body.sessions.map((s: { id: string }) => s.id)).not.toContain(bobSession.id)
    const res = await alice.delete(`/api/me/sessions/${bobSession.id}`)
    expect(res.status).toBe(404)
    expect(res.body.error).toBe('no such session of yours')
    expect((await bob.get('/api/me')).status).toBe(200)
    expect((await new ApiClient(server.url).get('/api/me/sessions')).status).toBe(401)
  })
})
