import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, signUp, uniqueEmail } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

describe('accounts and sessions', () => {
  it('signs up, reads /api/me, logs out and is then signed out', async () => {
    const api = new ApiClient(server.url)
    const email = uniqueEmail('ada')
    const signup = await api.post('/api/auth/signup', { name: 'Ada', email, password: 'long enough pw' })
    expect(signup.status).toBe(201)
    const cookie = signup.headers.get('set-cookie')!
    expect(cookie).toMatch(/quorum_session=[a-z2-7]+\.[a-z2-7]+/)
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain('Secure')

    const me = await api.get('/api/me')
    expect(me.status).toBe(200)
    expect(me.body.user).toMatchObject({ name: 'Ada', email })
    expect(me.body.workspaces).toEqual([])

    const stolen = api.cookie
    expect((await api.post('/api/auth/logout')).status).toBe(204)
    expect((await api.get('/api/me')).status).toBe(401)
    // The old token is invalid on the server, not only cleared in the browser.
    const replay = new ApiClient(server.url)
    replay.cookie = stolen
    expect((await replay.get('/api/me')).status).toBe(401)
  })

  it('logs in with the right password only', async () => {
    const user = await signUp(server.url, 'Grace Hopper')
    const api = new ApiClient(server.url)
    const wrong = await api.post('/api/auth/login', { email: user.email, password: 'nope nope nope' })
    expect(wrong.status).toBe(401)
    expect(wrong.body).toEqual({ error: 'wrong email or password' })
    const ok = await api.post('/api/auth/login', { email: user.email.toUpperCase(), password: 'correct horse battery' })
    expect(ok.status).toBe(200)
    expect(ok.body.user.id).toBe(user.userId)
    expect((await api.get('/api/me')).status).toBe(200)
  })

  it('refuses a second account with the same email and validates input', async () => {
    const user = await signUp(server.url, 'Dup')
    const api = new ApiClient(server.url)
    expect((await api.post('/api/auth/signup', { name: 'X', email: user.email, password: 'long enough pw' })).status).toBe(409)
    const short = await api.post('/api/auth/signup', { name: 'X', email: uniqueEmail(), password: 'short' })
    expect(short.status).toBe(400)
    expect(short.body.error).toMatch(/password/)
    const notJson = await api.request('POST', '/api/auth/signup', '{"name":', { 'content-type': 'application/json' })
    expect(notJson.status).toBe(400)
    expect(notJson.body.error).toMatch(/JSON/)
  })

  it('throttles repeated failed logins with a growing Retry-After, and a success resets it', async () => {
    const user = await signUp(server.url, 'Throttled')
    const api = new ApiClient(server.url)
    const statuses: number[] = []
    let retryAfter = 0
    for (let i = 0; i < 6; i++) {
      const res = await api.post('/api/auth/login', { email: user.email, password: 'wrong password' })
      statuses.push(res.status)
      if (res.status === 429) retryAfter = Number(res.headers.get('retry-after'))
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401])
    expect(statuses).toContain(429)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    // Even the right password is refused while throttled.
    const blocked = await api.post('/api/auth/login', { email: user.email, password: 'correct horse battery' })
    expect(blocked.status).toBe(429)
    expect(blocked.body.error).toMatch(/too many/)
  })

  it('counts failures per address apart from accounts: people behind one address are not locked out early, and a success does not reset it', async () => {
    // Its own server: every test's logins come from 127.0.0.1, one address.
    const own = await startServer()
    try {
      const people = await Promise.all(Array.from({ length: 12 }, (_, i) => signUp(own.url, `Office ${i}`)))
      const api = new ApiClient(own.url)
      const fail = (i: number) => api.post('/api/auth/login', { email: people[i].email, password: 'mistyped password' })
      const login = (i: number) => api.post('/api/auth/login', { email: people[i].email, password: 'correct horse battery' })
      // 15 failures over 8 accounts (≤ 2 each, under the account budget): nobody is held up.
      for (let n = 0; n < 15; n++) expect((await fail(n % 8)).status).toBe(401)
      expect((await login(8)).status).toBe(200)
      // The success did not empty the address's bucket: 6 more failures take it past its burst of 20.
      for (let n = 0; n < 6; n++) expect((await fail(n % 8)).status).toBe(401)
      const blocked = await login(9)
      expect(blocked.status).toBe(429)
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60)
      expect(blocked.body.error).toMatch(/too many/)
    } finally {
      await own.dispose()
    }
  })

  it('behind a trusted proxy (TRUST_PROXY=true), counts the address the proxy saw, not one the client wrote', async () => {
    const own = await startServer({ env: { TRUST_PROXY: 'true' } })
    try {
      const people = await Promise.all(Array.from({ length: 8 }, (_, i) => signUp(own.url, `Remote ${i}`)))
      const api = new ApiClient(own.url)
      // The client writes whatever it likes first; the proxy appends the address it saw.
      const from = (chain: string) => ({ 'x-forwarded-for': chain })
      const attempt = (i: number, password: string, chain: string) =>
        api.request('POST', '/api/auth/login', { email: people[i].email, password }, from(chain))
      for (let n = 0; n < 21; n++) expect((await attempt(n % 7, 'mistyped password', `10.0.0.${n}, 203.0.113.5`)).status).toBe(401)
      expect((await attempt(7, 'correct horse battery', '198.51.100.7, 203.0.113.5')).status).toBe(429)
      expect((await attempt(7, 'correct horse battery', '203.0.113.5, 198.51.100.7')).status).toBe(200)
    } finally {
      await own.dispose()
    }
  })

  it('refuses state-changing requests from a foreign or missing Origin', async () => {
    const user = await signUp(server.url, 'Origin')
    const foreign = await user.request('POST', '/api/workspaces', { name: 'X' }, { origin: 'https://evil.example' })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error).toMatch(/cross-origin/)
    const res = await fetch(server.url + '/api/workspaces', { method: 'POST', headers: { cookie: user.cookie, 'content-type': 'application/json' }, body: '{"name":"X"}' })
    expect(res.status).toBe(403)
    expect((await user.get('/api/workspaces')).body.workspaces).toEqual([])
  })

  it('rejects forged and malformed session tokens', async () => {
    const user = await signUp(server.url, 'Forge')
    const [id] = user.cookie.replace('quorum_session=', '').split('.')
    for (const token of [`${id}.${'a'.repeat(32)}`, 'garbage', `${id}`, `${id}.`, '.'.repeat(3)]) {
      const api = new ApiClient(server.url)
      api.cookie = `quorum_session=${token}`
      expect((await api.get('/api/me')).status).toBe(401)
    }
  })
})
