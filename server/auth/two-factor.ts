// Two-factor sign-in with TOTP (RFC 6238: HOTP of the 30-second step), on @oslojs/otp as the
// lucia-auth.com guide builds it, plus ten single-use recovery codes stored as SHA-256 hashes.
// A code is accepted for the step before, the current and the next one (clock drift), and only
// for a step after the last accepted one, so a code cannot be used twice, even by two requests at
// once: the step is recorded by a conditional update that only one of them wins.
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp'
import { and, eq, isNull, lt, or } from 'drizzle-orm'
import type { Db } from '../db/client'
import { recoveryCodes, users } from '../db/schema'
import { hashLinkToken } from './link-tokens'

export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
export const RECOVERY_CODE_COUNT = 10
const ISSUER = 'Quorum'

export function newTotpKey(): Uint8Array {
  const key = new Uint8Array(20)
  crypto.getRandomValues(key)
  return key
}

/** What an authenticator app is given: the key as base32 text and as an otpauth:// URI (the QR code's content). */
export function totpSetup(key: Uint8Array, email: string): { secret: string; uri: string } {
  return { secret: encodeBase32UpperCaseNoPadding(key), uri: createTOTPKeyURI(ISSUER, email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS) }
}

/** The step (counter) a code belongs to, near `nowMs`, or null if it matches none. */
export function matchingStep(key: Uint8Array, code: string, nowMs: number): number | null {
  if (!/^\d{6}$/.test(code)) return null
  const current = Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS)
  for (const step of [current - 1, current, current + 1]) {
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step
  }
  return null
}

/** Accepts a code for the user's key once: true if it matches and its step was not used yet. */
export async function useTotpCode(db: Db, userId: string, key: Uint8Array, code: string, nowMs: number): Promise<boolean> {
  const step = matchingStep(key, code, nowMs)
  if (step === null) return false
  const won = await db.update(users).set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id })
  return won.length > 0
}

/** Ten new codes (the old ones stop working); shown once, stored hashed. */
export async function newRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = new Uint8Array(8)
    crypto.getRandomValues(bytes)
    return encodeBase32UpperCaseNoPadding(bytes).slice(0, 12).match(/.{4}/g)!.join('-')
  })
  await db.batch([
    db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
    db.insert(recoveryCodes).values(codes.map((code) => ({ codeHash: hashRecoveryCode(code), userId }))),
  ])
  return codes
}

/** Typed as shown or not: case, spaces and dashes do not matter. */
function hashRecoveryCode(code: string): string {
  return hashLinkToken(code.toUpperCase().replace(/[^A-Z2-7]/g, ''))
}

/** Spends one recovery code of the user; false if it is not theirs or was used. */
export async function useRecoveryCode(db: Db, userId: string, code: string, nowMs: number): Promise<boolean> {
  const used = await db.update(recoveryCodes).set({ usedAt: nowMs })
    .where(and(eq(recoveryCodes.codeHash, hashRecoveryCode(code)), eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .returning({ userId: recoveryCodes.userId })
  return used.length > 0
}
