// Serves the built client: hashed files under /assets are cached for a year (their name changes
// with their content), everything else (index.html above all) is revalidated on each load, so a
// deploy is picked up at once. Text files go out precompressed (.br/.gz written at build time by
// scripts/vite-precompress.ts) when the browser accepts brotli or gzip.
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context, Hono, Next } from 'hono'
import { etag } from 'hono/etag'
import type { AppEnv } from '../app-deps'

export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

/** Sets Cache-Control on a successful response; `Vary` too, since the body depends on Accept-Encoding. */
function cacheControl(value: string) {
  return async (c: Context<AppEnv>, next: Next) => {
    await next()
    if (c.res.status !== 200 && c.res.status !== 206 && c.res.status !== 304) return
    c.res.headers.set('Cache-Control', value)
    if (!c.res.headers.get('Vary')) c.res.headers.set('Vary', 'Accept-Encoding')
  }
}

export function serveClient(app: Hono<AppEnv>, clientDir: string) {
  app.use('/assets/*', cacheControl(IMMUTABLE), serveStatic({ root: clientDir, precompressed: true }))
  // A hashed file that is not there (an old tab after a deploy) is a 404, never index.html.
  app.get('/assets/*', (c) => c.text('not found', 404))
  app.use('/*', cacheControl(REVALIDATE), etag(), serveStatic({ root: clientDir, precompressed: true }))
  // Client-side routes (/w/…, /d/…) all load the single-page app.
  app.get('*', serveStatic({ root: clientDir, path: 'index.html', precompressed: true }))
}
