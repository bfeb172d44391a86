// Outgoing e-mail (password-reset links, invitations) through nodemailer to the SMTP server of
// SMTP_URL. Without it there is no mailer, and each caller says what happens instead.
import nodemailer from 'nodemailer'
import type { Logger } from 'pino'

export interface Mail { to: string; subject: string; text: string }

export interface Mailer {
  /** Sends in the background: the request that asked does not wait for (or reveal) the delivery. */
  send(mail: Mail): void
}

const DEFAULT_FROM = 'Quorum <no-reply@localhost>'

/** SMTP_URL carries the sender as `?from=` (URL-encoded), so one variable configures mail. */
export function createMailer(smtpUrl: string | undefined, log: Logger): Mailer | null {
  if (!smtpUrl) return null
  const url = new URL(smtpUrl)
  const from = url.searchParams.get('from') ?? DEFAULT_FROM
  url.searchParams.delete('from')
  const transport = nodemailer.createTransport(url.toString(), { from })
  return {
    send(mail) {
      transport.sendMail(mail).catch((err: Error) => log.error({ err: err.message, subject: mail.subject }, 'e-mail not sent'))
    },
  }
}
