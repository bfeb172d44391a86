// With SMTP_URL set, a digest of unread notifications is e-mailed at most once an hour per person,
// never for a notification already read nor for a workspace the person left; delivered to a local
// SMTP sink. (Without SMTP_URL no sweep runs: every other test server starts that way.)
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { workspaceWithDocument, type ApiClient } from '../helpers/api'
import { waitFor } from '../helpers/wait'
import { startServer, type TestServer } from '../helpers/server'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'

let server: TestServer
let sink: SmtpSink
beforeAll(async () => {
  sink = await startSmtpSink()
  // Sweeps every 100 ms; a notification is e-mailed once it has been unread for 2 s.
  server = await startServer({ env: { SMTP_URL: sink.url }, tuning: { digestSweepMs: 100, digestDelayMs: 2000 } })
})
afterAll(async () => {
  await server?.dispose()
  await sink?.close()
})

async function sql(statement: string, args: (string | number)[]) {
  const client = createClient({ url: `file:${server.dbPath}` })
  try {
    return (await client.execute({ sql: statement, args })).rows
  } finally {
    client.close()
  }
}

// Digests only: with SMTP_URL, sign-up is finished from an e-mailed link too.
const mailsTo = (email: string) => sink.mails.filter((m) => m.to.includes(email.toLowerCase()) && /^Subject: Quorum: \d+ unread/m.test(m.text))
const digestTo = (email: string, nth = 0) => waitFor(() => mailsTo(email)[nth], { message: `digest ${nth + 1} to ${email}` })

it('e-mails unread notifications at most once an hour, never read ones nor a left workspace\'s', async () => {
  const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap', sink)
  await owner.patch(`/api/documents/${documentId}`, { title: 'Rolling roadmap' })
  const [ann, bob, cat, dan, eve] = await Promise.all(['Ann Able', 'Bob Baker', 'Cat Cole', 'Dan Dale', 'Eve Ellis'].map((n) => addMember(n, 'viewer')))
  const mention = async (person: ApiClient & { userId: string }, body: string) => {
    const res = await owner.post(`/api/documents/${documentId}/comments`, { body, anchor: { type: 'document' }, mentions: [person.userId] })
    expect(res.status).toBe(201)
  }

  await mention(ann, '@Ann Able why does <b>Q3</b> cost double?')
  const first = await digestTo(ann.email)
  expect(first.text).toContain('Subject: Quorum: 1 unread notification')
  expect(first.text).toContain('Olivia Owner mentioned you on Rolling roadmap: "@Ann Able why does <b>Q3</b> cost double?"')

  // Within the hour: Ann's next notification waits. Dan reads his before it is due; Eve leaves the workspace.
  await mention(ann, '@Ann Able and the run-rate?')
  await mention(dan, '@Dan Dale FYI')
  expect((await dan.post('/api/notifications/read', {})).status).toBe(200)
  await mention(eve, '@Eve Ellis please check')
  expect((await owner.delete(`/api/workspaces/${workspaceId}/members/${eve.userId}`)).status).toBe(204)

  // Markers: Bob's digest comes from a sweep that saw all of the above due; Cat's from a later one,
  // so the sweep that sent Bob's has finished.
  await mention(bob, '@Bob Baker over to you')
  await digestTo(bob.email)
  await mention(cat, '@Cat Cole and you')
  await digestTo(cat.email)
  expect(mailsTo(ann.email)).toHaveLength(1)
  expect(mailsTo(dan.email)).toHaveLength(0)
  expect(mailsTo(eve.email)).toHaveLength(0)
  const waiting = await sql('SELECT emailed_at FROM notifications WHERE user_id = ? ORDER BY created_at', [ann.userId])
  expect(waiting.map((r) => r.emailed_at === null)).toEqual([false, true])

  // An hour later (moved back in the database), the waiting one goes out, and only it.
  await sql('UPDATE email_digests SET last_sent_at = last_sent_at - ? WHERE user_id = ?', [2 * 60 * 60_000, ann.userId])
  const second = await digestTo(ann.email, 1)
  expect(second.text).toContain('and the run-rate?')
  expect(second.text).not.toContain('cost double')
  expect(mailsTo(ann.email)).toHaveLength(2)
})
