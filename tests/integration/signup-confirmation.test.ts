// With SMTP_URL, sign-up does not tell whether an address has an account: 202 alike, after the same
// work; a new address gets a link that creates the account, one with an account a note saying so.
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, signUp, uniqueEmail } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { waitFor } from '../helpers/wait'

let server: TestServer
let sink: SmtpSink
beforeAll(async () => {
  sink = await startSmtpSink()
  server = await startServer({ env: { SMTP_URL: sink.url } })
})
afterAll(async () => {
  await server?.dispose()
  await sink?.close()
})

const PASSWORD = 'correct horse battery'
const signupLink = (email: string) => waitFor(() => {
  const mail = sink.mails.find((m) => m.to.includes(email) && m.text.includes('/confirm-signup?token='))
  return mail && /(http:\/\/\S+\/confirm-signup\?token=([a-z2-7]+)\S*)/.exec(mail.text)
}, { message: `sign-up link to ${email}` })

describe('sign-up through an e-mailed link (SMTP_URL set)', () => {
  it('a new address: 202, no account until the link is opened; the link signs in once and leads on to `next`', async () => {
    const email = uniqueEmail('newcomer')
    const api = new ApiClient(server.url)
    const res = await api.post('/api/auth/signup', { name: 'Nia Newcomer', email: email.toUpperCase(), password: PASSWORD, next: '/invite?token=abc' })
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ status: 'confirmation-sent' })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect((await new ApiClient(server.url).post('/api/auth/login', { email, password: PASSWORD })).status).toBe(401)

    const [, url, token] = await signupLink(email)
    expect(url).toBe(`${server.url}/confirm-signup?token=${token}&next=%2Finvite%3Ftoken%3Dabc`)
    const confirmed = await api.post('/api/auth/signup/confirm', { token })
    expect(confirmed.status).toBe(201)
    expect(confirmed.body.user).toMatchObject({ name: 'Nia Newcomer', email })
    expect((await api.get('/api/me')).body.user).toMatchObject({ name: 'Nia Newcomer', email })
    const again = await new ApiClient(server.url).post('/api/auth/signup/confirm', { token })
    expect(again.status).toBe(400)
    expect(again.body.error).toMatch(/not valid or was already used/)
    expect((await new ApiClient(server.url).post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200)
    expect((await api.post('/api/auth/signup', { name: 'X', email: uniqueEmail(), password: PASSWORD, next: '//evil.example' })).status).toBe(400)
  })

  it('an address with an account: the same 202, a note instead of a link, and the account unchanged', async () => {
    const existing = await signUp(server.url, 'Erin Existing', sink)
    const before = sink.mails.length
    const res = await new ApiClient(server.url).post('/api/auth/signup', { name: 'Mallory', email: existing.email, password: 'another long password' })
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ status: 'confirmation-sent' })
    const note = await sink.mailTo(existing.email, { after: before })
    expect(note.raw).toMatch(/^Subject: You already have a Quorum account/m)
    expect(note.text).toContain(`${server.url}/forgot-password`)
    expect(note.text).not.toContain('confirm-signup')
    expect((await new ApiClient(server.url).post('/api/auth/login', { email: existing.email, password: 'another long password' })).status).toBe(401)
    expect((await new ApiClient(server.url).post('/api/auth/login', { email: existing.email, password: PASSWORD })).status).toBe(200)
    // A weak password is refused alike for both.
    const weakKnown = await new ApiClient(server.url).post('/api/auth/signup', { name: 'M', email: existing.email, password: 'password1' })
    const weakNew = await new ApiClient(server.url).post('/api/auth/signup', { name: 'M', email: uniqueEmail(), password: 'password1' })
    expect([weakKnown.status, weakNew.status]).toEqual([400, 400])
    expect(weakKnown.body).toEqual(weakNew.body)
  })

  it('takes as long for an address with an account as for a new one (both hash the password)', async () => {
    const existing = await signUp(server.url, 'Tim Timing', sink)
    // The fastest of several tries: other work on the machine only ever adds time.
    const fastest = (xs: number[]) => Math.min(...xs)
    const timed = async (email: string) => {
      const started = performance.now()
      expect((await new ApiClient(server.url).post('/api/auth/signup', { name: 'T', email, password: PASSWORD })).status).toBe(202)
      return performance.now() - started
    }
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 15; i++) {
      known.push(await timed(existing.email))
      unknown.push(await timed(uniqueEmail('timing')))
    }
    expect(fastest(known)).toBeGreaterThan(fastest(unknown) * 0.5)
    expect(fastest(unknown)).toBeGreaterThan(fastest(known) * 0.5)
  })

  it('two sign-ups of one address: whichever link is opened first wins, the other answers 409; an old link has expired', async () => {
    const email = uniqueEmail('twice')
    const api = new ApiClient(server.url)
    await api.post('/api/auth/signup', { name: 'First', email, password: PASSWORD })
    const [, , first] = await signupLink(email)
    const before = sink.mails.length
    await api.post('/api/auth/signup', { name: 'Second', email, password: PASSWORD })
    const second = await waitFor(() => sink.mails.slice(before).find((m) => m.to.includes(email)), { message: 'second link' })
    const secondToken = /confirm-signup\?token=([a-z2-7]+)/.exec(second.text)![1]
    expect((await api.post('/api/auth/signup/confirm', { token: secondToken })).body.user.name).toBe('Second')
    const late = await new ApiClient(server.url).post('/api/auth/signup/confirm', { token: first })
    expect(late.status).toBe(409)

    // One link opened twice at once: one account, one sign-in.
    const racing = uniqueEmail('racing')
    await api.post('/api/auth/signup', { name: 'Racing', email: racing, password: PASSWORD })
    const [, , racingToken] = await signupLink(racing)
    const both = await Promise.all([0, 1].map(() => new ApiClient(server.url).post('/api/auth/signup/confirm', { token: racingToken })))
    expect(both.filter((r) => r.status === 201)).toHaveLength(1)
    expect(both.filter((r) => r.status !== 201).map((r) => r.status)).toEqual([expect.toSatisfy((s: number) => s === 400 || s === 409)])

    const stale = uniqueEmail('stale')
    await api.post('/api/auth/signup', { name: 'Stale', email: stale, password: PASSWORD })
    const [, , staleToken] = await signupLink(stale)
    const db = createClient({ url: `file:${server.dbPath}` })
    await db.execute({ sql: 'UPDATE signup_confirmations SET expires_at = ? WHERE email = ?', args: [Date.now() - 1, stale] })
    db.close()
    const expired = await new ApiClient(server.url).post('/api/auth/signup/confirm', { token: staleToken })
    expect(expired.status).toBe(410)
    expect(expired.body.error).toMatch(/expired/)
  })
})
