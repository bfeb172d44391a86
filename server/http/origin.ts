// Cross-site request refusal: a state-changing request or a WebSocket upgrade must come from the
// app's own origin: one of PUBLIC_ORIGIN's, or the origin of the host the request was sent to (an
// instance reached directly, on any port, or behind a proxy that keeps Host). A page of another site
// sends its own Origin to our Host, which matches neither. A public host counts only with its own
// scheme: an http page on the https host is refused.
export function isSameOrigin(origin: string | undefined, host: string | undefined, publicOrigins: readonly string[]): boolean {
  if (!origin || origin === 'null') return false
  if (publicOrigins.includes(origin.replace(/\/$/, ''))) return true
  if (!host) return false
  try {
    const { host: originHost } = new URL(origin)
    if (publicOrigins.some((o) => new URL(o).host === originHost)) return false
    return originHost === host.toLowerCase()
  } catch {
    return false
  }
}

export function isSecureRequest(url: string, forwardedProto: string | undefined, publicOrigins: readonly string[]): boolean {
  if (publicOrigins.some((o) => o.startsWith('https:'))) return true
  if (forwardedProto?.split(',')[0].trim() === 'https') return true
  return url.startsWith('https:')
}
