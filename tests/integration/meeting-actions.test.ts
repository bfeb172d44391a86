// Action items and approved minutes, through the real server: who may create, edit and approve;
// items carried to the next meeting of the same cadence until done; minutes that later edits to
// the notes do not change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendBlocks, getBodyFragment } from '../../shared/documents/rich-text'
import { readNotes } from '../../shared/documents/notes'
import { workspaceWithDocument, signUp, type ApiClient } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

async function setup() {
  const ctx = await workspaceWithDocument(server.url)
  const editor = await ctx.addMember('Eddie Editor', 'editor')
  const viewer = await ctx.addMember('Vera Viewer', 'viewer')
  const meeting = async (cadence: string, title: string, startsAt: string) => {
    const res = await ctx.owner.post(`/api/workspaces/${ctx.workspaceId}/meetings`, { cadence, title, startsAt })
    expect(res.status).toBe(201)
    return res.body.id as string
  }
  const end = async (meetingId: string) => {
    expect((await ctx.owner.post(`/api/meetings/${meetingId}/start`)).status).toBe(200)
    expect((await ctx.owner.post(`/api/meetings/${meetingId}/end`)).status).toBe(200)
  }
  return { ...ctx, editor, viewer, meeting, end }
}

const titles = (list: any[]) => list.map((a) => a.title)

describe('action items', () => {
  it('are created by owners and editors, not viewers, and only for a member', async () => {
    const { owner, editor, viewer, workspaceId, meeting } = await setup()
    const id = await meeting('leadership', 'Leadership', '2026-11-02T09:00:00Z')
    const created = await editor.post(`/api/meetings/${id}/actions`, { title: 'Draft the vendor RFP', ownerId: viewer.userId, dueDate: '2026-11-20' })
    expect(created.status).toBe(201)
    expect(created.body.action).toMatchObject({ title: 'Draft the vendor RFP', ownerId: viewer.userId, ownerName: 'Vera Viewer', dueDate: '2026-11-20', status: 'open', meetingId: id })

    const refused = await viewer.post(`/api/meetings/${id}/actions`, { title: 'Mine', ownerId: viewer.userId, dueDate: '2026-11-20' })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatch(/viewer/)

    const stranger = await signUp(server.url, 'Stan Stranger')
    const notMember = await owner.post(`/api/meetings/${id}/actions`, { title: 'Theirs', ownerId: stranger.userId, dueDate: '2026-11-20' })
    expect(notMember.status).toBe(400)
    expect(notMember.body.error).toMatch(/^ownerId: /)
    expect((await owner.post(`/api/meetings/${id}/actions`, { title: 'Bad date', ownerId: owner.userId, dueDate: '2026-02-30' })).status).toBe(400)
    expect((await stranger.get(`/api/workspaces/${workspaceId}/actions`)).status).toBe(403)

    // Every member reads them; only owners and editors change them.
    const listed = await viewer.get(`/api/workspaces/${workspaceId}/actions?status=open`)
    expect(listed.status).toBe(200)
    expect(titles(listed.body.actions)).toEqual(['Draft the vendor RFP'])
    const actionId = created.body.action.id
    expect((await viewer.patch(`/api/actions/${actionId}`, { status: 'done' })).status).toBe(403)
    expect((await owner.patch(`/api/actions/${actionId}`, { ownerId: stranger.userId })).status).toBe(400)
    const moved = await owner.patch(`/api/actions/${actionId}`, { ownerId: editor.userId, dueDate: '2026-11-27', title: 'Send the vendor RFP' })
    expect(moved.status).toBe(200)
    expect(moved.body.action).toMatchObject({ ownerName: 'Eddie Editor', dueDate: '2026-11-27', title: 'Send the vendor RFP', status: 'open' })
    expect((await owner.get(`/api/workspaces/${workspaceId}/actions?status=later`)).status).toBe(400)
  })

  it('carry from an ended meeting to the next of the same cadence, not another cadence, until done', async () => {
    const { owner, editor, workspaceId, meeting, end } = await setup()
    const first = await meeting('leadership', 'Leadership 1', '2026-11-02T09:00:00Z')
    const next = await meeting('leadership', 'Leadership 2', '2026-11-16T09:00:00Z')
    const board = await meeting('board', 'Board', '2026-11-20T09:00:00Z')
    const action = (await editor.post(`/api/meetings/${first}/actions`, { title: 'Close the SOC 2 gaps', ownerId: owner.userId, dueDate: '2026-11-10' })).body.action
    await editor.post(`/api/meetings/${first}/actions`, { title: 'Already handled', ownerId: owner.userId, dueDate: '2026-11-10' })
      .then((r) => editor.patch(`/api/actions/${r.body.action.id}`, { status: 'dropped' }))

    // Not carried while the meeting that made it is still running.
    expect((await owner.get(`/api/meetings/${next}/actions`)).body.carried).toEqual([])
    await end(first)

    const onNext = await owner.get(`/api/meetings/${next}/actions`)
    expect(onNext.status).toBe(200)
    expect(titles(onNext.body.carried)).toEqual(['Close the SOC 2 gaps'])
    expect(onNext.body.carried[0]).toMatchObject({ meetingId: first, meetingTitle: 'Leadership 1' })
    expect(onNext.body.actions).toEqual([])
    expect((await owner.get(`/api/meetings/${board}/actions`)).body.carried).toEqual([])
    expect(titles((await owner.get(`/api/meetings/${first}/actions`)).body.actions)).toEqual(['Close the SOC 2 gaps', 'Already handled'])

    expect((await editor.patch(`/api/actions/${action.id}`, { status: 'done' })).body.action.status).toBe('done')
    expect((await owner.get(`/api/meetings/${next}/actions`)).body.carried).toEqual([])
    expect(titles((await owner.get(`/api/workspaces/${workspaceId}/actions`)).body.actions)).toEqual([])
    expect(titles((await owner.get(`/api/workspaces/${workspaceId}/actions?status=done`)).body.actions)).toEqual(['Close the SOC 2 gaps'])
    expect((await owner.get(`/api/workspaces/${workspaceId}/actions?status=all`)).body.actions).toHaveLength(2)
  })
})

describe('minutes approval', () => {
  async function typeInNotes(client: ApiClient, notesId: string, text: string) {
    const writer = connectDoc(server.url, notesId, client.cookie)
    await writer.synced()
    writer.doc.transact(() => appendBlocks(getBodyFragment(writer.doc), [{ type: 'paragraph', text }]))
    // A second client seeing the text means the server committed it.
    const witness = connectDoc(server.url, notesId, client.cookie)
    await waitFor(() => readNotes(witness.doc).body.includes(text))
    writer.destroy()
    witness.destroy()
  }

  it('is for owners after the end, once; later edits to the notes leave the approved minutes as they were', async () => {
    const { owner, editor, viewer, meeting, end } = await setup()
    const id = await meeting('board', 'Q4 board', '2026-12-01T09:00:00Z')
    const notesId = (await owner.get(`/api/meetings/${id}`)).body.meeting.notesDocumentId
    await typeInNotes(owner, notesId, 'Resolved: approve the FY27 budget.')

    expect((await owner.post(`/api/meetings/${id}/minutes/approve`)).status).toBe(409)
    await end(id)
    expect((await viewer.post(`/api/meetings/${id}/minutes/approve`)).status).toBe(403)
    expect((await editor.post(`/api/meetings/${id}/minutes/approve`)).status).toBe(403)
    expect((await viewer.get(`/api/meetings/${id}`)).body.meeting.minutes).toBeNull()

    const approved = await owner.post(`/api/meetings/${id}/minutes/approve`)
    expect(approved.status).toBe(200)
    const minutes = approved.body.minutes
    expect(minutes).toMatchObject({ documentId: notesId, version: 1, approvedBy: { userId: owner.userId, name: 'Olivia Owner' } })

    await typeInNotes(editor, notesId, 'Added after the meeting.')
    expect((await editor.post(`/api/documents/${notesId}/versions`, { label: 'after' })).body.version.version).toBe(2)

    const again = await owner.post(`/api/meetings/${id}/minutes/approve`)
    expect(again.status).toBe(200)
    expect(again.body.minutes).toEqual(minutes)
    expect((await viewer.get(`/api/meetings/${id}`)).body.meeting.minutes).toEqual(minutes)
    const body = (await viewer.get(`/api/documents/${notesId}/versions/${minutes.version}`)).body.projection.body
    expect(body).toContain('Resolved: approve the FY27 budget.')
    expect(body).not.toContain('Added after the meeting.')
  })
})
