// A local SMTP server that keeps every message it receives, for tests that check what the app
// e-mails (smtp-server, no TLS and no login: the app's nodemailer sends in the clear to localhost).
import { SMTPServer } from 'smtp-server'
import { waitFor } from './wait'

export interface ReceivedMail { to: string[]; raw: string; text: string }

export interface SmtpSink {
  url: string
  mails: ReceivedMail[]
  /** The first message to `address` (polls until it arrives). */
  mailTo(address: string, opts?: { after?: number }): Promise<ReceivedMail>
  close(): Promise<void>
}

/**
 * The message with its quoted-printable soft breaks and escapes undone, so a long link reads whole.
 * Only a quoted-printable message: in a 7bit one, `token=77…` is the text itself.
 */
function readable(raw: string): string {
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(raw)) return raw
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), raw, text: readable(raw) })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    mailTo: (address, opts = {}) => waitFor(() => mails.slice(opts.after ?? 0).find((m) => m.to.includes(address.toLowerCase())), { message: `mail to ${address}` }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
