// Request bodies are refused past 1 MB before anything reads them (issue #17, item 1).
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rssBytes } from '../helpers/process-memory'
import { startServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const MB = 1024 * 1024

/** POSTs `size` bytes of a JSON body in 1 MB chunks, with or without Content-Length. */
function postLarge(path: string, size: number, chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', origin: server.origin }
    if (!chunked) headers['content-length'] = size
    const req = request(`${server.url}${path}`, { method: 'POST', headers }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    // The server may answer and close before the whole body is sent; the answer is what counts.
    req.on('error', (err) => (err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err))
    const head = '{"name":"'
    const tail = '","email":"big@example.test","password":"correct horse battery"}'
    const filler = Buffer.alloc(MB, 'a')
    let sent = 0
    const write = () => {
      if (sent === 0) { req.write(head); sent += head.length }
      while (sent < size - tail.length) {
        const n = Math.min(filler.length, size - tail.length - sent)
        sent += n
        if (!req.write(n === filler.length ? filler : filler.subarray(0, n))) { req.once('drain', write); return }
      }
      req.end(tail)
    }
    write()
  })
}

describe('request body limit', () => {
  for (const chunked of [false, true]) {
    it(`answers a 64 MB signup body with 413 in the app's error format and RSS grows < 100 MB (${chunked ? 'chunked' : 'Content-Length'})`, async () => {
      const before = rssBytes(server.proc.pid!)
      const res = await postLarge('/api/auth/signup', 64 * MB, chunked)
      const after = rssBytes(server.proc.pid!)
      expect(res.status).toBe(413)
      expect(JSON.parse(res.body)).toMatchObject({ error: 'request body too large', limitBytes: MB })
      expect(after - before).toBeLessThan(100 * MB)
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    })
  }

  it('still accepts an ordinary JSON body', async () => {
    const res = await fetch(`${server.url}/api/auth/signup`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.origin },
      body: JSON.stringify({ name: 'Small', email: `small-${Date.now()}@example.test`, password: 'correct horse battery' }),
    })
    expect(res.status).toBe(201)
  })
})
