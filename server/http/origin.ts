// Cross-site request refusal: a state-changing request or a WebSocket upgrade must come from the
// app's own origin. With PUBLIC_ORIGIN set the Origin must be one of those; otherwise its host
// must equal the request's Host (which works on any port and behind a proxy that keeps Host).
export function isSameOrigin(origin: string | undefined, host: string | undefined, publicOrigins: readonly string[]): boolean {
  if (!origin || origin === 'null') return false
  if (publicOrigins.length > 0) return publicOrigins.includes(origin.replace(/\/$/, ''))
  if (!host) return false
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}

export function isSecureRequest(url: string, forwardedProto: string | undefined, publicOrigins: readonly string[]): boolean {
  if (publicOrigins.some((o) => o.startsWith('https:'))) return true
  if (forwardedProto?.split(',')[0].trim() === 'https') return true
  return url.startsWith('https:')
}
