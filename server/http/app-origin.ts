// The origin links in e-mails and answers point at: the first PUBLIC_ORIGIN, else the one the
// request was sent to (its Host, https when the request came through TLS or a proxy that said so).
import { isSecureRequest } from './origin'

export function appOrigin(url: string, forwardedProto: string | undefined, publicOrigins: readonly string[]): string {
  if (publicOrigins.length > 0) return publicOrigins[0]
  const { host } = new URL(url)
  return `${isSecureRequest(url, forwardedProto, publicOrigins) ? 'https' : 'http'}://${host}`
}
