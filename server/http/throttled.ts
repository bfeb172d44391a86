// 429 with Retry-After while a throttle's budget (server/auth/login-throttle.ts) is spent.
import type { LoginThrottle } from '../auth/login-throttle'
import { HttpError } from './errors'

export async function throttled(throttle: LoginThrottle, email: string | null, address: string): Promise<void> {
  const waitMs = await throttle.retryAfterMs(email, address)
  if (waitMs <= 0) return
  const seconds = Math.ceil(waitMs / 1000)
  throw new HttpError(429, `too many failed attempts; try again in ${seconds} s`, { 'Retry-After': String(seconds) })
}
