// A workspace that requires two-factor sign-in: members without it get 403 on its documents over
// HTTP and on the sync upgrade, their open sockets close when it is turned on, and they get in again
// once they turn it on themselves.
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import WS from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/close-codes'
import { workspaceWithDocument, type ApiClient } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const REQUIRED = 'this workspace requires two-factor sign-in: turn it on from your account page to open its documents'

/** The HTTP status of a sync upgrade: 101 if a socket opened. */
function upgradeStatus(documentId: string, cookie: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WS(`${server.url.replace('http', 'ws')}/api/sync/${documentId}`, { headers: { origin: server.origin, cookie } })
    ws.on('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate() })
    ws.on('open', () => { ws.close(); resolve(101) })
    ws.on('error', () => {})
  })
}

const codeNow = (secret: string, offset = 0) => generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + offset), 6)

async function turnOnTwoFactor(api: ApiClient): Promise<string> {
  const { secret } = (await api.post('/api/me/totp')).body
  expect((await api.post('/api/me/totp/confirm', { code: codeNow(secret) })).status).toBe(200)
  return secret
}

describe('PATCH /api/workspaces/:id {requireTwoFactor}', () => {
  it('refuses members without two-factor on HTTP and on the upgrade, closing their open sockets', async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url)
    const editor = await addMember('Eddie Editor', 'editor')
    const socket = connectDoc(server.url, documentId, editor.cookie)
    await socket.synced()

    // The owner must have it first.
    const early = await owner.patch(`/api/workspaces/${workspaceId}`, { requireTwoFactor: true })
    expect(early.status).toBe(409)
    expect(early.body.error).toMatch(/turn on two-factor sign-in for your own account/)
    await turnOnTwoFactor(owner)
    const on = await owner.patch(`/api/workspaces/${workspaceId}`, { requireTwoFactor: true })
    expect(on.status).toBe(200)
    expect(on.body.workspace).toMatchObject({ requireTwoFactor: true, fiscalYearStartMonth: 1 })

    await waitFor(() => socket.closes.some((c) => c.code === CloseCode.accessChanged), { message: 'editor socket closed 4509' })
    socket.destroy()
    const refused = await editor.get(`/api/documents/${documentId}`)
    expect(refused.status).toBe(403)
    expect(refused.body.error).toBe(REQUIRED)
    expect(await upgradeStatus(documentId, editor.cookie)).toBe(403)
    // The workspace itself still opens, saying what it requires.
    expect((await editor.get(`/api/workspaces/${workspaceId}`)).body.workspace.requireTwoFactor).toBe(true)
    expect((await owner.get(`/api/documents/${documentId}`)).status).toBe(200)
    expect(await upgradeStatus(documentId, owner.cookie)).toBe(101)

    const editorSecret = await turnOnTwoFactor(editor)
    expect((await editor.get(`/api/documents/${documentId}`)).status).toBe(200)
    expect(await upgradeStatus(documentId, editor.cookie)).toBe(101)

    // Turning it off for the account closes its sockets in this workspace, and the upgrade refuses it again.
    const editorSocket = connectDoc(server.url, documentId, editor.cookie)
    await editorSocket.synced()
    expect((await editor.request('DELETE', '/api/me/totp', { code: codeNow(editorSecret, 1) })).status).toBe(204)
    await waitFor(() => editorSocket.closes.some((c) => c.code === CloseCode.accessChanged), { message: 'socket closed after 2FA turned off' })
    editorSocket.destroy()
    expect(await upgradeStatus(documentId, editor.cookie)).toBe(403)

    // Editors may not change it; turned off, anyone gets in again.
    expect((await editor.patch(`/api/workspaces/${workspaceId}`, { requireTwoFactor: false })).status).toBe(403)
    expect((await owner.patch(`/api/workspaces/${workspaceId}`, {})).status).toBe(400)
    expect((await owner.patch(`/api/workspaces/${workspaceId}`, { requireTwoFactor: false })).body.workspace.requireTwoFactor).toBe(false)
    expect(await upgradeStatus(documentId, editor.cookie)).toBe(101)
  })
})
