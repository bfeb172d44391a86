// Request bodies are capped before anything reads them: without this one POST (even before sign-in)
// is read whole into memory. Every /api route takes small JSON, so one limit serves them all; a route
// that needs more would get its own bodyLimit and be listed in README's security model.
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

/** 1 MB: the largest JSON any route takes (a meeting, a member, a label) is a few kB. */
export const JSON_BODY_LIMIT_BYTES = 1024 * 1024

export function jsonBodyLimit(maxSize = JSON_BODY_LIMIT_BYTES): MiddlewareHandler {
  // Hono answers from Content-Length alone when it is there, and counts a chunked body as it streams.
  return bodyLimit({ maxSize, onError: (c) => c.json({ error: 'request body too large', limitBytes: maxSize }, 413) })
}
