// Two instances sweeping for e-mail digests at once, on one database: each person gets one digest,
// never two (the claim is one write transaction, server/notifications/email-digest.ts).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { startCluster, type TestCluster } from '../helpers/cluster'
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink'
import { waitFor } from '../helpers/wait'

let cluster: TestCluster
let sink: SmtpSink
// Digests only: with SMTP_URL, sign-up is finished from an e-mailed link too.
const digestsTo = (email: string) => sink.mails.filter((m) => m.to.includes(email.toLowerCase()) && /^Subject: Quorum: \d+ unread/m.test(m.text))
const digestTo = (email: string) => waitFor(() => digestsTo(email)[0], { message: `digest to ${email}` })
beforeAll(async () => {
  sink = await startSmtpSink()
  // Both instances sweep every 50 ms and e-mail a notification at once: they race for every digest.
  cluster = await startCluster({ env: { SMTP_URL: sink.url }, tuning: { digestSweepMs: 50, digestDelayMs: 0 } })
}, 120_000)
afterAll(async () => {
  await cluster?.dispose()
  await sink?.close()
})

it('each person is e-mailed one digest although both instances sweep', async () => {
  const [a] = cluster.servers
  const { owner, documentId, addMember } = await workspaceWithDocument(a.url, 'notes', sink)
  const people = []
  for (let i = 0; i < 8; i++) people.push(await addMember(`Person ${i}`, 'viewer'))
  const res = await owner.post(`/api/documents/${documentId}/comments`, { body: 'Board pack review', anchor: { type: 'document' }, mentions: people.map((p) => p.userId) })
  expect(res.status).toBe(201)
  for (const p of people) await digestTo(p.email)

  // Marker: a later person's digest comes from a later sweep, after the race for the first eight was settled.
  const late = await addMember('Late Person', 'viewer')
  expect((await owner.post(`/api/documents/${documentId}/comments`, { body: 'One more', anchor: { type: 'document' }, mentions: [late.userId] })).status).toBe(201)
  await digestTo(late.email)
  for (const p of [...people, late]) expect(digestsTo(p.email), p.email).toHaveLength(1)
})
