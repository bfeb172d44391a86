// Decisions recorded in a meeting, through the real server and sync: who may record one, who may
// vote (present in the room while it runs, an attendee after it ended), attendance taken from the
// room at the end, and the outcome on the meeting and on the decision-queue item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as decoding from 'lib0/decoding'
import { readDecisions } from '../../shared/documents/decisions'
import { MESSAGE_NOTICE, readNotice, type SyncNotice } from '../../shared/sync-notices'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

async function setup() {
  const ctx = await workspaceWithDocument(server.url, 'decisions')
  const editor = await ctx.addMember('Eddie Editor', 'editor')
  const viewer = await ctx.addMember('Vera Viewer', 'viewer')
  const created = await ctx.owner.post(`/api/workspaces/${ctx.workspaceId}/meetings`, { cadence: 'board', title: 'Board Q4', startsAt: '2026-12-01T09:00:00Z' })
  expect(created.status).toBe(201)
  const meetingId = created.body.id as string
  const sent = await ctx.owner.post(`/api/meetings/${meetingId}/decision-items`, {
    items: [{ question: 'Approve the SOC 2 auditor', dueDate: '2026-12-15' }, { question: 'Pick a data warehouse', dueDate: '2026-12-20' }],
  })
  expect(sent.status).toBe(201)
  const queue = connectDoc(server.url, ctx.documentId, ctx.owner.cookie)
  await queue.synced()
  await waitFor(() => readDecisions(queue.doc).decisions.length === 2)
  const itemId = (question: string) => readDecisions(queue.doc).decisions.find((d) => d.question === question)!.id
  return { ...ctx, editor, viewer, meetingId, notesId: created.body.notesDocumentId as string, queue, itemId }
}

const clients: SyncClient[] = []
afterAll(() => clients.forEach((c) => c.destroy()))
async function enterRoom(documentId: string, cookie: string) {
  const client = connectDoc(server.url, documentId, cookie)
  clients.push(client)
  await client.synced()
  return client
}

describe('decisions recorded in a meeting', () => {
  it('are recorded by owners and editors with the votes of people present, and show on the meeting and the queue', async () => {
    const { owner, editor, viewer, meetingId, notesId, queue, itemId, workspaceId } = await setup()
    await owner.post(`/api/meetings/${meetingId}/start`)
    await enterRoom(notesId, owner.cookie)
    await enterRoom(notesId, editor.cookie)
    const decisionId = itemId('Approve the SOC 2 auditor')
    const votes = [{ userId: owner.userId, vote: 'for' }, { userId: editor.userId, vote: 'against' }]

    const refused = await viewer.post(`/api/meetings/${meetingId}/decisions`, { decisionId, outcome: 'approved', rationale: 'x', votes: [] })
    expect(refused.status).toBe(403)
    // The viewer is a member but not in the room: their vote is refused.
    const absent = await owner.post(`/api/meetings/${meetingId}/decisions`, { decisionId, outcome: 'approved', rationale: 'x', votes: [...votes, { userId: viewer.userId, vote: 'for' }] })
    expect(absent.status).toBe(400)
    expect(absent.body.error).toMatch(/^votes: .*not present/)
    expect((await owner.post(`/api/meetings/${meetingId}/decisions`, { decisionId: 'nope', outcome: 'approved', rationale: 'x' })).status).toBe(400)
    expect((await owner.post(`/api/meetings/${meetingId}/decisions`, { decisionId, outcome: 'deferred', rationale: 'x' })).body.error).toMatch(/newDueDate/)

    const ok = await editor.post(`/api/meetings/${meetingId}/decisions`, { decisionId, outcome: 'approved', rationale: 'Best price and fit', votes })
    expect(ok.status).toBe(201)
    expect(ok.body.decision).toMatchObject({ decisionId, outcome: 'approved', rationale: 'Best price and fit', question: 'Approve the SOC 2 auditor' })
    expect(ok.body.decision.votes).toEqual([{ userId: owner.userId, vote: 'for', name: 'Olivia Owner' }, { userId: editor.userId, vote: 'against', name: 'Eddie Editor' }])

    // The queue item carries the outcome, the meeting and the date.
    await waitFor(() => readDecisions(queue.doc).decisions.find((d) => d.id === decisionId)!.status === 'decided')
    const item = readDecisions(queue.doc).decisions.find((d) => d.id === decisionId)!
    expect(item.outcome).toMatch(/^Approved at Board Q4, \d{1,2} \w{3} \d{4}: Best price and fit$/)
    expect(item.decidedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    // Deferred: back in the open queue, due on the new date.
    const warehouse = itemId('Pick a data warehouse')
    const deferred = await owner.post(`/api/meetings/${meetingId}/decisions`, { decisionId: warehouse, outcome: 'deferred', rationale: 'Need two more quotes', newDueDate: '2027-02-01' })
    expect(deferred.status).toBe(201)
    await waitFor(() => readDecisions(queue.doc).decisions.find((d) => d.id === warehouse)!.dueDate === '2027-02-01')
    expect(readDecisions(queue.doc).decisions.find((d) => d.id === warehouse)).toMatchObject({ status: 'open', outcome: expect.stringMatching(/^Deferred at Board Q4/) })

    const read = await viewer.get(`/api/meetings/${meetingId}`)
    expect(read.body.meeting.decisions.map((d: any) => [d.question, d.outcome, d.votes.length])).toEqual([
      ['Approve the SOC 2 auditor', 'approved', 2], ['Pick a data warehouse', 'deferred', 0],
    ])

    // Ending records who was in the room; after that only attendees may vote.
    expect((await owner.post(`/api/meetings/${meetingId}/end`)).status).toBe(200)
    const ended = await owner.get(`/api/meetings/${meetingId}`)
    expect(ended.body.meeting.attendees.map((a: any) => a.name).sort()).toEqual(['Eddie Editor', 'Olivia Owner'])
    const late = await owner.post(`/api/meetings/${meetingId}/decisions`, { decisionId, outcome: 'rejected', rationale: 'x', votes: [{ userId: viewer.userId, vote: 'for' }] })
    expect(late.status).toBe(400)
    expect(late.body.error).toMatch(/did not attend/)

    // Attendance is editable until the minutes are approved.
    expect((await owner.patch(`/api/meetings/${meetingId}`, { title: 'Renamed' })).status).toBe(409)
    const edited = await owner.patch(`/api/meetings/${meetingId}`, { attendeeIds: [owner.userId, editor.userId, viewer.userId] })
    expect(edited.status).toBe(200)
    expect(edited.body.attendees).toHaveLength(3)
    expect((await owner.post(`/api/meetings/${meetingId}/minutes/approve`)).status).toBe(200)
    expect((await owner.patch(`/api/meetings/${meetingId}`, { attendeeIds: [owner.userId] })).status).toBe(409)
    expect((await owner.post(`/api/meetings/${meetingId}/decisions`, { decisionId, outcome: 'rejected', rationale: 'x' })).status).toBe(409)

    // Each decision recorded appears once in the audit log.
    const log = await owner.get(`/api/workspaces/${workspaceId}/audit?limit=200`)
    const recorded = log.body.entries.filter((e: any) => e.action === 'decision-recorded')
    expect(recorded.map((e: any) => [e.actorId, e.detail])).toEqual([
      [owner.userId, 'Pick a data warehouse: deferred'], [editor.userId, 'Approve the SOC 2 auditor: approved'],
    ])
  })

  it('tell everyone in the room: a decision recorded and the minutes approved each send a meeting notice on the notes socket', async () => {
    const { owner, viewer, meetingId, notesId, itemId } = await setup()
    await owner.post(`/api/meetings/${meetingId}/start`)
    await enterRoom(notesId, owner.cookie)
    const watching = await enterRoom(notesId, viewer.cookie)
    const seen: (SyncNotice | null)[] = []
    watching.provider.messageHandlers[MESSAGE_NOTICE] = (_encoder: unknown, decoder: decoding.Decoder) => { seen.push(readNotice(decoder)) }
    const expected = { type: 'meeting', documentId: notesId, meetingId }

    expect((await owner.post(`/api/meetings/${meetingId}/decisions`, { decisionId: itemId('Approve the SOC 2 auditor'), outcome: 'approved', rationale: 'ok', votes: [] })).status).toBe(201)
    await waitFor(() => seen.length === 1, { message: 'no meeting notice after the decision' })
    expect(seen[0]).toEqual(expected)

    expect((await owner.post(`/api/meetings/${meetingId}/end`)).status).toBe(200)
    expect((await owner.post(`/api/meetings/${meetingId}/minutes/approve`)).status).toBe(200)
    await waitFor(() => seen.length === 2, { message: 'no meeting notice after the approval' })
    expect(seen[1]).toEqual(expected)
  })
})
