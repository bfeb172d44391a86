// Changing a password: the policy (length, common passwords), the current password checked and
// throttled, and every other session ended with its sync sockets closed (4401) while this one stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/close-codes'
import { ApiClient, uniqueEmail, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const PASSWORD = 'correct horse battery'

describe('password policy', () => {
  it('refuses short, over-long and common passwords at signup with a message naming the field', async () => {
    const api = new ApiClient(server.url)
    const signup = (password: string) => api.post('/api/auth/signup', { name: 'P', email: uniqueEmail('policy'), password })
    const short = await signup('seven77')
    expect(short.status).toBe(400)
    expect(short.body.error).toBe('password: must be at least 8 characters')
    expect((await signup('x'.repeat(257))).body.error).toBe('password: must be at most 256 characters')
    for (const common of ['password1', 'Iloveyou1', 'qwertyuiop']) {
      const res = await signup(common)
      expect(res.status).toBe(400)
      expect(res.body.error).toMatch(/^password: this is one of the most commonly used passwords/)
    }
    // Length, not composition: a long lower-case phrase is fine.
    expect((await signup('quiet meadow lantern')).status).toBe(201)
  })
})

describe('POST /api/me/password', () => {
  it('ends every other session and closes its sockets (4401); this session and its socket stay', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const laptop = owner
    const phone = new ApiClient(server.url)
    expect((await phone.post('/api/auth/login', { email: owner.email, password: PASSWORD })).status).toBe(200)
    const onLaptop = connectDoc(server.url, documentId, laptop.cookie)
    const onPhone = connectDoc(server.url, documentId, phone.cookie)
    await Promise.all([onLaptop.synced(), onPhone.synced()])

    const res = await laptop.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ endedSessions: 1 })

    await waitFor(() => onPhone.closes.some((c) => c.code === CloseCode.unauthenticated), { message: 'phone socket closed 4401' })
    expect((await phone.get('/api/me')).status).toBe(401)
    expect((await laptop.get('/api/me')).status).toBe(200)
    // The laptop's socket still carries edits: a new reader sees one made after the change.
    onLaptop.doc.getText('t').insert(0, 'still here')
    const reader = connectDoc(server.url, documentId, laptop.cookie, { doc: new Y.Doc() })
    await waitFor(() => reader.doc.getText('t').toString() === 'still here', { message: 'edit after the change relayed' })
    expect(onLaptop.closes).toEqual([])

    // The old password no longer signs in; the new one does.
    const again = new ApiClient(server.url)
    expect((await again.post('/api/auth/login', { email: owner.email, password: PASSWORD })).status).toBe(401)
    expect((await again.post('/api/auth/login', { email: owner.email, password: 'a brand new passphrase' })).status).toBe(200)
    for (const c of [onLaptop, onPhone, reader]) c.destroy()
  })

  it('needs the current password (counted like a failed login), a session, and a policy-fit new password', async () => {
    const { owner } = await workspaceWithDocument(server.url)
    expect((await new ApiClient(server.url).post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'another fine phrase' })).status).toBe(401)
    const common = await owner.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'password123' })
    expect(common.status).toBe(400)
    expect(common.body.error).toMatch(/^newPassword: this is one of the most commonly used passwords/)
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await owner.post('/api/me/password', { currentPassword: 'not my password', newPassword: 'another fine phrase' })).status)
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400])
    expect(statuses).toContain(429)
    expect((await owner.get('/api/me')).status).toBe(200)
  })
})
