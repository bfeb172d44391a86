// With SMTP_URL a sign-up is finished from an e-mailed link, so sign-up does not tell whether an
// address has an account: the request is answered 202 alike, and only then (afterResponse) one of
// two e-mails goes out. A new address gets a link (24 hours, single use, only its token's SHA-256
// stored) that creates the account with the name and password hash given at sign-up; an address
// that has an account gets a note saying so, with where to sign in or reset the password.
import { lt } from 'drizzle-orm'
import type { AppDeps } from '../app-deps'
import type { Mailer } from '../mail/mailer'
import { signupConfirmations } from '../db/schema'
import { newLinkToken } from './link-tokens'

export const SIGNUP_LINK_TTL_MS = 24 * 60 * 60_000

export interface PendingSignup { name: string; email: string; passwordHash: string; next?: string }

export async function mailSignupLink(deps: AppDeps, mailer: Mailer, signup: PendingSignup, origin: string): Promise<void> {
  const { token, hash } = newLinkToken()
  const t = deps.now()
  await deps.db.batch([
    // Links nobody opened in time go as new ones come.
    deps.db.delete(signupConfirmations).where(lt(signupConfirmations.expiresAt, t)),
    deps.db.insert(signupConfirmations).values({ tokenHash: hash, email: signup.email, name: signup.name, passwordHash: signup.passwordHash, createdAt: t, expiresAt: t + SIGNUP_LINK_TTL_MS }),
  ])
  const url = `${origin}/confirm-signup?token=${token}${signup.next ? `&next=${encodeURIComponent(signup.next)}` : ''}`
  mailer.send({
    to: signup.email,
    subject: 'Finish creating your Quorum account',
    text: `Hello ${signup.name},\n\nOpen this link within 24 hours to finish creating your Quorum account:\n\n${url}\n\nIf you did not sign up, ignore this e-mail: no account is made without it.\n`,
  })
}

export function mailAlreadyRegistered(mailer: Mailer, email: string, origin: string): void {
  mailer.send({
    to: email,
    subject: 'You already have a Quorum account',
    text: `Hello,\n\nSomeone (we hope you) tried to create a Quorum account with ${email}, which already has one. Sign in here:\n\n${origin}/login\n\nForgot your password? Reset it here:\n\n${origin}/forgot-password\n\nIf it was not you, ignore this e-mail: nothing changed.\n`,
  })
}
