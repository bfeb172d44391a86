// Two-factor sign-in (TOTP): set-up confirmed by a first code, then the password alone gets no
// session, a valid code does, a reused code does not, a recovery code works once; codes throttled.
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, signUp } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const PASSWORD = 'correct horse battery'
/** The code an authenticator app shows `offset` 30-second steps from now. */
const codeFor = (secret: string, offset = 0) => generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + offset), 6)

async function withTwoFactor() {
  const user = await signUp(server.url, 'Tess Totp')
  const setup = await user.post('/api/me/totp')
  expect(setup.status).toBe(200)
  const uri = new URL(setup.body.uri)
  expect(uri.protocol).toBe('otpauth:')
  expect(uri.host).toBe('totp')
  expect(decodeURIComponent(uri.pathname)).toBe(`/Quorum:${user.email}`)
  expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: 'Quorum', algorithm: 'SHA1', secret: setup.body.secret, period: '30', digits: '6' })
  expect((await user.get('/api/me')).body.twoFactorEnabled).toBe(false)
  const wrong = await user.post('/api/me/totp/confirm', { code: '000000' === codeFor(setup.body.secret) ? '111111' : '000000' })
  expect(wrong.status).toBe(400)
  const confirmed = await user.post('/api/me/totp/confirm', { code: codeFor(setup.body.secret) })
  expect(confirmed.status).toBe(200)
  expect(confirmed.body.recoveryCodes).toHaveLength(10)
  expect(new Set(confirmed.body.recoveryCodes).size).toBe(10)
  expect((await user.get('/api/me')).body.twoFactorEnabled).toBe(true)
  return { user, secret: setup.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] }
}

describe('two-factor sign-in', () => {
  it('password alone gets no session; a valid code does; a reused code does not', async () => {
    const { user, secret } = await withTwoFactor()
    const api = new ApiClient(server.url)
    const first = await api.post('/api/auth/login', { email: user.email, password: PASSWORD })
    expect(first.status).toBe(401)
    expect(first.body).toEqual({ error: 'enter the code from your authenticator app', totpRequired: true })
    expect(first.headers.get('set-cookie')).toBeNull()
    expect((await api.get('/api/me')).status).toBe(401)
    // A wrong password says nothing about two-factor.
    expect((await api.post('/api/auth/login', { email: user.email, password: 'not the password' })).body).toEqual({ error: 'wrong email or password' })

    const code = codeFor(secret, 1)
    const second = await api.post('/api/auth/login', { email: user.email, password: PASSWORD, code })
    expect(second.status).toBe(200)
    expect((await api.get('/api/me')).status).toBe(200)

    const replay = new ApiClient(server.url)
    const reused = await replay.post('/api/auth/login', { email: user.email, password: PASSWORD, code })
    expect(reused.status).toBe(401)
    expect(reused.body).toEqual({ error: 'wrong or already used code', totpRequired: true })
    expect((await replay.get('/api/me')).status).toBe(401)
    // The code of an earlier step (the one that confirmed the set-up, or before) is refused too.
    expect((await replay.post('/api/auth/login', { email: user.email, password: PASSWORD, code: codeFor(secret, -1) })).status).toBe(401)
  })

  it('a recovery code works once, typed in any case', async () => {
    const { user, recoveryCodes } = await withTwoFactor()
    const api = new ApiClient(server.url)
    const ok = await api.post('/api/auth/login', { email: user.email, password: PASSWORD, recoveryCode: recoveryCodes[3].toLowerCase() })
    expect(ok.status).toBe(200)
    const again = await new ApiClient(server.url).post('/api/auth/login', { email: user.email, password: PASSWORD, recoveryCode: recoveryCodes[3] })
    expect(again.status).toBe(401)
    expect(again.body).toEqual({ error: 'wrong or already used recovery code', totpRequired: true })
    expect((await new ApiClient(server.url).post('/api/auth/login', { email: user.email, password: PASSWORD, recoveryCode: recoveryCodes[4] })).status).toBe(200)
  })

  it('throttles wrong codes per account, even with the right password', async () => {
    const { user, secret } = await withTwoFactor()
    const api = new ApiClient(server.url)
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await api.post('/api/auth/login', { email: user.email, password: PASSWORD, code: '12345' + (i % 10) })).status)
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401])
    expect(statuses).toContain(429)
    const blocked = await api.post('/api/auth/login', { email: user.email, password: PASSWORD, code: codeFor(secret, 1) })
    expect(blocked.status).toBe(429)
  })

  it('turning it off needs a current code; then the password alone signs in', async () => {
    const { user, secret } = await withTwoFactor()
    expect((await user.post('/api/me/totp')).status).toBe(409)
    expect((await user.request('DELETE', '/api/me/totp', { code: codeFor(secret, -1) })).status).toBe(400) // used by the set-up
    expect((await user.request('DELETE', '/api/me/totp', { code: codeFor(secret, 1) })).status).toBe(204)
    expect((await user.get('/api/me')).body.twoFactorEnabled).toBe(false)
    expect((await new ApiClient(server.url).post('/api/auth/login', { email: user.email, password: PASSWORD })).status).toBe(200)
    expect((await new ApiClient(server.url).post('/api/me/totp/confirm', { code: '123456' })).status).toBe(401)
  })
})
