// Security headers on API answers, the app's page and errors (issue #17, item 2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/)
    return [name, values.join(' ')] as const
  }))
}

describe('security headers', () => {
  for (const path of ['/api/health', '/api/me', '/api/no-such-route']) {
    it(`${path} carries the CSP, frame and referrer headers`, async () => {
      const res = await fetch(server.url + path)
      const csp = directives(res.headers.get('content-security-policy'))
      expect(csp.get('default-src')).toBe("'self'")
      expect(csp.get('script-src')).toBe("'self'")
      expect(csp.get('frame-ancestors')).toBe("'none'")
      expect(csp.get('object-src')).toBe("'none'")
      expect(csp.get('base-uri')).toBe("'self'")
      expect(csp.get('img-src')).toBe("'self' data: blob:")
      const host = new URL(server.url).host
      expect(csp.get('connect-src')).toBe(`'self' ws://${host} wss://${host}`)
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    })
  }
})
