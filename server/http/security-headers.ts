// Security headers on every response (API, the single-page app and its assets): a Content-Security-
// Policy the app satisfies, no framing (clickjacking), no referrer leaking document ids off-site.
import type { Context, MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/** ws:/wss: of the origin the page was served from (the sync socket); nothing when the Host is odd. */
function sameOriginSockets(c: Context): string {
  const host = c.req.header('host') ?? ''
  return /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? `ws://${host} wss://${host}` : ''
}

export function appSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      // Vite emits module scripts only; nothing inline runs.
      scriptSrc: ["'self'"],
      // Tiptap injects its base <style> element and the collaboration caret sets style attributes;
      // styles cannot run code, so this is the one inline allowance.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'", (c) => sameOriginSockets(c)],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    // Off: would block the board pack's downloads opened from other tools for no gain here.
    crossOriginEmbedderPolicy: false,
  })
}
