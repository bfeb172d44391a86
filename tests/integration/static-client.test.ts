// The built client is served compressed and with cache headers: hashed assets immutable,
// index.html revalidated. Runs the real serveClient routes and the real precompress plugin over a
// small fixture build (the plugin's writeBundle hook called as Vite would).
import { Hono } from 'hono'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../../server/app-deps'
import { serveClient } from '../../server/http/static-client'
import { precompress } from '../../scripts/vite-precompress'

const JS = `export const answer = ${JSON.stringify('x'.repeat(2000))};\n`.repeat(5)
const HTML = '<!doctype html><html><head><script type="module" src="/assets/app-AbC123.js"></script></head><body></body></html>'

let dir: string
let app: Hono<AppEnv>

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quorum-static-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), HTML)
  writeFileSync(join(dir, 'assets/app-AbC123.js'), JS)
  const plugin = precompress() as unknown as {
    configResolved(c: { root: string; build: { outDir: string } }): void
    writeBundle(o: unknown, bundle: Record<string, unknown>): Promise<void>
  }
  plugin.configResolved({ root: dir, build: { outDir: dir } })
  await plugin.writeBundle({}, { 'index.html': {}, 'assets/app-AbC123.js': {} })
  app = new Hono<AppEnv>()
  serveClient(app, dir)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())

describe('static client', () => {
  it('answers a hashed asset with brotli when the browser accepts br, immutable', async () => {
    const res = await get('/assets/app-AbC123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    const body = await bytes(res)
    expect(body.length).toBeLessThan(JS.length / 10)
    expect(brotliDecompressSync(body).toString()).toBe(JS)
  })

  it('answers gzip when only gzip is accepted, and plain bytes when nothing is', async () => {
    const gz = await get('/assets/app-AbC123.js', { 'Accept-Encoding': 'gzip' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(await bytes(gz)).toString()).toBe(JS)
    const plain = await get('/assets/app-AbC123.js', { 'Accept-Encoding': 'identity' })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect((await bytes(plain)).toString()).toBe(JS)
    expect(plain.headers.get('cache-control')).toContain('immutable')
  })

  it('serves index.html with no-cache, for / and for client-side routes, and revalidates it', async () => {
    for (const path of ['/', '/index.html', '/d/some-document']) {
      const res = await get(path, { 'Accept-Encoding': 'br, gzip' })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
      expect((await bytes(res)).toString(), path).toBe(HTML)
    }
    const first = await get('/d/x')
    const tag = first.headers.get('etag')
    expect(tag).toBeTruthy()
    const again = await get('/d/x', { 'If-None-Match': tag! })
    expect(again.status).toBe(304)
    expect(again.headers.get('cache-control')).toBe('no-cache')
  })

  it('answers a missing hashed asset 404, never index.html', async () => {
    const res = await get('/assets/gone-123.js')
    expect(res.status).toBe(404)
    expect(res.headers.get('cache-control')).toBeNull()
  })
})
