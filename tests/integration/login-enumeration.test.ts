// A login does not tell whether an address has an account: an unknown address gets the wrong
// password's answer, after the same password-hash work (verified against a dummy hash).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, signUp, uniqueEmail } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer({ env: { TRUST_PROXY: 'true' } }) })
afterAll(async () => { await server?.dispose() })

// The fastest of several tries: other work on the machine only ever adds time.
const fastest = (xs: number[]) => Math.min(...xs)

let tries = 0
/** Each try from an address of its own (X-Forwarded-For), so the address throttle never answers instead. */
async function timedLogin(email: string) {
  const started = performance.now()
  const res = await new ApiClient(server.url).request('POST', '/api/auth/login', { email, password: 'not the password' }, { 'x-forwarded-for': `198.51.100.${tries++}` })
  return { res, ms: performance.now() - started }
}

describe('login with an unknown address', () => {
  it('answers like a wrong password, after as much hashing', async () => {
    // One failure per account, under its free failures.
    const people = await Promise.all(Array.from({ length: 15 }, (_, i) => signUp(server.url, `Known ${i}`)))
    const known: number[] = []
    const unknown: number[] = []
    for (const person of people) {
      const wrong = await timedLogin(person.email)
      const nobody = await timedLogin(uniqueEmail('nobody'))
      expect(wrong.res.status).toBe(401)
      expect(nobody.res.status).toBe(401)
      expect(nobody.res.body).toEqual(wrong.res.body)
      known.push(wrong.ms)
      unknown.push(nobody.ms)
    }
    // An argon2id verification (19 MiB) takes tens of milliseconds; a lookup that finds no row, about one.
    expect(fastest(unknown)).toBeGreaterThan(fastest(known) * 0.5)
  })
})
