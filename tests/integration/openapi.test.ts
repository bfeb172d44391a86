// The API describes itself: /api/openapi.json is generated from the same route declarations that
// validate requests and type the client (issue #16, part 4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient, signUp } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[]
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> }
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>
}
type Spec = { openapi: string; paths: Record<string, Record<string, Operation>> }

describe('GET /api/openapi.json', () => {
  let spec: Spec
  beforeAll(async () => {
    const res = await new ApiClient(server.url).get<Spec>('/api/openapi.json')
    expect(res.status).toBe(200)
    spec = res.body
  })

  const operations = () => Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))

  it('describes every route the app serves, without a session', () => {
    expect(spec.openapi).toMatch(/^3\./)
    const names = operations().map(({ method, path }) => `${method.toUpperCase()} ${path}`)
    for (const expected of [
      'POST /auth/signup', 'POST /auth/login', 'GET /me', 'GET /workspaces/{workspaceId}', 'DELETE /workspaces/{workspaceId}/members/{userId}',
      'GET /workspaces/{workspaceId}/documents', 'PATCH /documents/{documentId}', 'GET /documents/{documentId}/compare',
      'POST /documents/{documentId}/restore', 'POST /meetings/{meetingId}/end', 'GET /meetings/{meetingId}/board-pack.pdf', 'GET /health',
      'POST /documents/{documentId}/comments', 'GET /documents/{documentId}/comments', 'POST /comments/{commentId}/replies',
      'PATCH /comments/{commentId}', 'DELETE /comments/{commentId}',
    ]) expect(names).toContain(expected)
    expect(names.length).toBeGreaterThanOrEqual(30)
  })

  it('declares each path parameter, a success answer and the {error} body of each failure', () => {
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        expect(op.parameters?.some((p) => p.in === 'path' && p.name === name && p.required), `${where}: ${name}`).toBe(true)
      }
      expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), where).toBe(true)
      for (const [status, answer] of Object.entries(op.responses)) {
        // A login's 401 is {error} plus `totpRequired` when a two-factor code is needed.
        const body = where === 'post /auth/login' && status === '401' ? '#/components/schemas/LoginRefused' : '#/components/schemas/Error'
        if (Number(status) >= 400) expect(answer.content?.['application/json'].schema.$ref, `${where} ${status}`).toBe(body)
      }
    }
  })

  it('gives request bodies the schemas the server validates with', async () => {
    const signup = spec.paths['/auth/signup'].post.requestBody!
    expect(signup.required).toBe(true)
    expect(signup.content['application/json'].schema).toMatchObject({ required: ['name', 'email', 'password'] })
    // The declared rule is the enforced rule: a password under 8 characters is refused, naming the field.
    const res = await new ApiClient(server.url).post('/api/auth/signup', { name: 'A', email: 'a@example.test', password: 'short' })
    expect(res.status).toBe(400)
    expect(res.body.error).toMatch(/^password: /)
  })
})

describe('the contract at the edges', () => {
  it('answers malformed JSON, a foreign content type and a bad query with 4xx {error}', async () => {
    const owner = await signUp(server.url, 'Edge Owner')
    const ws = await owner.post('/api/workspaces', { name: 'Edges' })
    const malformed = await owner.request('POST', '/api/workspaces', '{"name":', { 'content-type': 'application/json' })
    expect(malformed.status).toBe(400)
    expect(malformed.body.error).toMatch(/JSON/)
    const text = await owner.request('POST', '/api/workspaces', 'name=x', { 'content-type': 'text/plain' })
    expect(text.status).toBe(415)
    expect(typeof text.body.error).toBe('string')
    const query = await owner.get(`/api/workspaces/${ws.body.id}/documents?archived=maybe`)
    expect(query.status).toBe(400)
    expect(query.body.error).toBe('archived must be true or false')
  })
})
