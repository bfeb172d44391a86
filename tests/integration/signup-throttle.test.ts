// Sign-ups are budgeted per client address (auth/signup-throttle.ts). The server trusts a proxy so
// each test can speak from its own address through X-Forwarded-For.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, uniqueEmail } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

const BUDGET = 3
let server: TestServer
beforeAll(async () => { server = await startServer({ env: { TRUST_PROXY: 'true' }, tuning: { signupsPerAddressPerHour: BUDGET } }) })
afterAll(async () => { await server?.dispose() })

function signUpFrom(address: string, email = uniqueEmail('budget')) {
  return new ApiClient(server.url).request('POST', '/api/auth/signup', { name: 'Budget', email, password: 'correct horse battery' }, { 'x-forwarded-for': address })
}

describe('sign-up budget per client address', () => {
  it('answers the sign-up past the budget 429 with Retry-After, and another address is unaffected', async () => {
    for (let i = 0; i < BUDGET; i++) expect((await signUpFrom('203.0.113.1')).status).toBe(201)
    const refused = await signUpFrom('203.0.113.1')
    expect(refused.status).toBe(429)
    expect(refused.body.error).toMatch(/too many sign-ups/)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(3000)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    expect((await signUpFrom('203.0.113.99')).status).toBe(201)
  })

  it('counts sign-ups arriving at once exactly', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => signUpFrom('203.0.113.2')))
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([...Array(BUDGET).fill(201), ...Array(12 - BUDGET).fill(429)])
  })

  it('spends the budget on a refused sign-up too, so addresses cannot be probed past it', async () => {
    const taken = uniqueEmail('taken')
    expect((await signUpFrom('203.0.113.3', taken)).status).toBe(201)
    expect((await signUpFrom('203.0.113.3', taken)).status).toBe(409)
    expect((await signUpFrom('203.0.113.3', taken)).status).toBe(409)
    expect((await signUpFrom('203.0.113.3', taken)).status).toBe(429)
  })
})
