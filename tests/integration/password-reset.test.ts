// Password reset: 202 for any address (no enumeration), the link e-mailed through SMTP_URL (a sink
// started here) or written to the log without it, single use, expiring, and every session ended.
import { createClient } from '@libsql/client'
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/close-codes'
import { ApiClient, uniqueEmail, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
let sink: SmtpSink
beforeAll(async () => {
  sink = await startSmtpSink()
  server = await startServer({ env: { SMTP_URL: `${sink.url}?from=${encodeURIComponent('Quorum <quorum@example.test>')}` } })
})
afterAll(async () => {
  await server?.dispose()
  await sink?.close()
})

const linkIn = (text: string) => /(http:\/\/\S+\/reset-password\?token=([a-z2-7]+))/.exec(text)!

describe('password reset with SMTP_URL', () => {
  it('answers 202 alike for an unknown address, and e-mails nothing there', async () => {
    const api = new ApiClient(server.url)
    const unknown = uniqueEmail('nobody')
    const res = await api.post('/api/auth/password-reset', { email: unknown })
    expect(res.status).toBe(202)
    expect(res.body).toBeNull()
    // A later marker: a known address's mail, requested after, arrives; none went to the unknown one.
    const { owner } = await workspaceWithDocument(server.url, 'notes', sink)
    const before = sink.mails.length
    expect((await api.post('/api/auth/password-reset', { email: owner.email })).status).toBe(202)
    expect((await sink.mailTo(owner.email, { after: before })).raw).toMatch(/^Subject: Reset your Quorum password/m)
    expect(sink.mails.some((m) => m.to.includes(unknown))).toBe(false)
  })

  it('e-mails a link that sets a new password once, ends every session and closes its sockets', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url, 'notes', sink)
    const socket = connectDoc(server.url, documentId, owner.cookie)
    await socket.synced()
    const before = sink.mails.length
    expect((await new ApiClient(server.url).post('/api/auth/password-reset', { email: owner.email.toUpperCase() })).status).toBe(202)
    const mail = await sink.mailTo(owner.email, { after: before })
    expect(mail.raw).toMatch(/^Subject: Reset your Quorum password/m)
    expect(mail.raw).toMatch(/^From: Quorum <quorum@example.test>/m)
    const [, url, token] = linkIn(mail.text)
    expect(url.startsWith(server.url)).toBe(true)

    const api = new ApiClient(server.url)
    const common = await api.post('/api/auth/password-reset/confirm', { token, password: 'password1' })
    expect(common.status).toBe(400) // refused before the link is spent
    const ok = await api.post('/api/auth/password-reset/confirm', { token, password: 'new and long enough' })
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ email: owner.email })
    await waitFor(() => socket.closes.some((c) => c.code === CloseCode.unauthenticated), { message: 'socket closed 4401' })
    expect((await owner.get('/api/me')).status).toBe(401)

    const again = await api.post('/api/auth/password-reset/confirm', { token, password: 'yet another password' })
    expect(again.status).toBe(410)
    expect(again.body.error).toMatch(/already been used/)
    expect((await api.post('/api/auth/login', { email: owner.email, password: 'correct horse battery' })).status).toBe(401)
    expect((await api.post('/api/auth/login', { email: owner.email, password: 'new and long enough' })).status).toBe(200)
    socket.destroy()
  })

  it('a newer link replaces the older; a made-up token is refused', async () => {
    const { owner } = await workspaceWithDocument(server.url, 'notes', sink)
    const api = new ApiClient(server.url)
    let before = sink.mails.length
    await api.post('/api/auth/password-reset', { email: owner.email })
    const first = linkIn((await sink.mailTo(owner.email, { after: before })).text)[2]
    before = sink.mails.length
    await api.post('/api/auth/password-reset', { email: owner.email })
    const second = linkIn((await sink.mailTo(owner.email, { after: before })).text)[2]
    const old = await api.post('/api/auth/password-reset/confirm', { token: first, password: 'new and long enough' })
    expect(old.status).toBe(400)
    expect(old.body.error).toMatch(/not valid/)
    expect((await api.post('/api/auth/password-reset/confirm', { token: 'a'.repeat(32), password: 'new and long enough' })).status).toBe(400)
    expect((await api.post('/api/auth/password-reset/confirm', { token: second, password: 'new and long enough' })).status).toBe(200)
  })

  it('throttles requests for one address like logins', async () => {
    const api = new ApiClient(server.url)
    const email = uniqueEmail('flood')
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await api.post('/api/auth/password-reset', { email })).status)
    expect(statuses.slice(0, 3)).toEqual([202, 202, 202])
    expect(statuses).toContain(429)
  })
})

describe('password reset without SMTP_URL', () => {
  it('writes the link to the server log for the operator, and it expires after an hour', async () => {
    const plain = await startServer()
    try {
      const { owner } = await workspaceWithDocument(plain.url)
      expect((await new ApiClient(plain.url).post('/api/auth/password-reset', { email: owner.email })).status).toBe(202)
      const logged = await waitFor(() => /"url":"([^"]+reset-password\?token=([a-z2-7]+))"/.exec(plain.output()), { message: 'link in the log' })
      expect(plain.output()).toContain('SMTP_URL is not set')
      expect(logged[1].startsWith(plain.url)).toBe(true)
      // Stored: only the token's SHA-256, expiring an hour after the request.
      const db = createClient({ url: `file:${plain.dbPath}` })
      const { rows } = await db.execute('SELECT token_hash, created_at, expires_at FROM password_resets')
      expect(rows).toHaveLength(1)
      expect(rows[0].token_hash).toBe(createHash('sha256').update(logged[2]).digest('hex'))
      expect(Number(rows[0].expires_at) - Number(rows[0].created_at)).toBe(60 * 60_000)
      // An hour later (the row's expiry moved into the past), the link says it expired.
      await db.execute({ sql: 'UPDATE password_resets SET expires_at = ?', args: [Date.now() - 1] })
      db.close()
      const expired = await new ApiClient(plain.url).post('/api/auth/password-reset/confirm', { token: logged[2], password: 'new and long enough' })
      expect(expired.status).toBe(410)
      expect(expired.body.error).toMatch(/expired/)
    } finally {
      await plain.dispose()
    }
  })
})
