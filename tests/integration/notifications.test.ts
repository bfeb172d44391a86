// Mentions, replies and follows notify the right people exactly once; the inbox hides workspaces
// the reader left; marking read; the unread event stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const anchor = { type: 'document' } as const

async function team() {
  const setup = await workspaceWithDocument(server.url, 'roadmap')
  const editor = await setup.addMember('Eddie Editor', 'editor')
  const viewer = await setup.addMember('Vera Viewer', 'viewer')
  return { ...setup, editor, viewer }
}

describe('mentions', () => {
  it('a mention notifies that member exactly once and nobody else', async () => {
    const { owner, documentId, editor, viewer } = await team()
    const created = await owner.post(`/api/documents/${documentId}/comments`, {
      body: '@Vera Viewer can you check?', anchor, mentions: [viewer.userId, viewer.userId, owner.userId],
    })
    expect(created.status).toBe(201)
    const inbox = await viewer.get('/api/notifications')
    expect(inbox.status).toBe(200)
    expect(inbox.body.unread).toBe(1)
    expect(inbox.body.notifications).toHaveLength(1)
    expect(inbox.body.notifications[0]).toMatchObject({
      kind: 'mention', read: false, documentId, commentId: created.body.comment.id, actorName: 'Olivia Owner', actorId: owner.userId,
    })
    // The actor mentioning themself and an unmentioned member hear nothing.
    expect((await owner.get('/api/notifications')).body).toEqual({ notifications: [], unread: 0 })
    expect((await editor.get('/api/notifications')).body).toEqual({ notifications: [], unread: 0 })
  })

  it('mentioning someone outside the workspace is refused with 400 and stores nothing', async () => {
    const { owner, documentId } = await team()
    const stranger = await signUp(server.url, 'Sid Stranger')
    const refused = await owner.post(`/api/documents/${documentId}/comments`, { body: 'hi', anchor, mentions: [stranger.userId] })
    expect(refused.status).toBe(400)
    expect(refused.body.error).toMatch(/not a member/)
    expect((await owner.get(`/api/documents/${documentId}/comments`)).body.comments).toEqual([])
    expect((await stranger.get('/api/notifications')).body.unread).toBe(0)
    const thread = await owner.post(`/api/documents/${documentId}/comments`, { body: 'ok', anchor })
    const badReply = await owner.post(`/api/comments/${thread.body.comment.id}/replies`, { body: 'hi', mentions: [stranger.userId] })
    expect(badReply.status).toBe(400)
    expect((await owner.post(`/api/comments/${thread.body.comment.id}/replies`, { body: 'hi', mentions: 'x' })).status).toBe(400)
  })
})

describe('replies', () => {
  it('a reply notifies the thread author, not the replier; a mentioned author gets one notification', async () => {
    const { documentId, editor, viewer } = await team()
    const thread = await viewer.post(`/api/documents/${documentId}/comments`, { body: 'Why?', anchor })
    const commentId = thread.body.comment.id
    expect((await editor.post(`/api/comments/${commentId}/replies`, { body: 'Because.' })).status).toBe(201)
    expect((await editor.post(`/api/comments/${commentId}/replies`, { body: '@Vera see above', mentions: [viewer.userId] })).status).toBe(201)
    expect((await viewer.post(`/api/comments/${commentId}/replies`, { body: 'Thanks' })).status).toBe(201)

    const inbox = (await viewer.get('/api/notifications')).body
    expect(inbox.unread).toBe(2)
    expect(inbox.notifications.map((n: { kind: string }) => n.kind)).toEqual(['mention', 'reply'])
    expect(inbox.notifications.every((n: { commentId: string; actorName: string }) => n.commentId === commentId && n.actorName === 'Eddie Editor')).toBe(true)
    expect((await editor.get('/api/notifications')).body.unread).toBe(0)
  })
})

describe('follows', () => {
  it('followers hear of new threads until they unfollow; replies do not reach them', async () => {
    const { owner, documentId, editor, viewer } = await team()
    expect((await editor.post(`/api/documents/${documentId}/follow`, {})).body).toEqual({ following: true })
    expect((await editor.get(`/api/documents/${documentId}/follow`)).body).toEqual({ following: true })
    const thread = await viewer.post(`/api/documents/${documentId}/comments`, { body: 'New point', anchor })
    await owner.post(`/api/comments/${thread.body.comment.id}/replies`, { body: 'Noted' })
    const inbox = (await editor.get('/api/notifications')).body
    expect(inbox.notifications).toHaveLength(1)
    expect(inbox.notifications[0]).toMatchObject({ kind: 'new_thread', commentId: thread.body.comment.id, actorName: 'Vera Viewer' })

    expect((await editor.delete(`/api/documents/${documentId}/follow`)).body).toEqual({ following: false })
    await viewer.post(`/api/documents/${documentId}/comments`, { body: 'Another', anchor })
    expect((await editor.get('/api/notifications')).body.notifications).toHaveLength(1)
  })

  it('a non-member cannot follow (403); unknown document 404', async () => {
    const { documentId } = await team()
    const stranger = await signUp(server.url, 'Sid Stranger')
    expect((await stranger.post(`/api/documents/${documentId}/follow`, {})).status).toBe(403)
    expect((await stranger.post('/api/documents/nope/follow', {})).status).toBe(404)
  })
})

describe('the inbox', () => {
  it('hides notifications of a workspace the reader was removed from', async () => {
    const { owner, workspaceId, documentId, viewer } = await team()
    await owner.post(`/api/documents/${documentId}/comments`, { body: 'Secret plan', anchor, mentions: [viewer.userId] })
    expect((await viewer.get('/api/notifications')).body.unread).toBe(1)
    expect((await owner.delete(`/api/workspaces/${workspaceId}/members/${viewer.userId}`)).status).toBe(204)
    expect((await viewer.get('/api/notifications')).body).toEqual({ notifications: [], unread: 0 })
  })

  it('marks the given notifications read, then all; requires a session', async () => {
    const { owner, documentId, viewer } = await team()
    for (const body of ['one', 'two', 'three']) {
      await owner.post(`/api/documents/${documentId}/comments`, { body, anchor, mentions: [viewer.userId] })
    }
    const [newest] = (await viewer.get('/api/notifications')).body.notifications
    expect((await viewer.post('/api/notifications/read', { ids: [newest.id] })).status).toBe(200)
    const after = (await viewer.get('/api/notifications')).body
    expect(after.unread).toBe(2)
    expect(after.notifications.find((n: { id: string }) => n.id === newest.id).read).toBe(true)
    // Another person's ids change nothing of theirs.
    await owner.post('/api/notifications/read', {})
    expect((await viewer.get('/api/notifications')).body.unread).toBe(2)
    expect((await viewer.post('/api/notifications/read', {})).status).toBe(200)
    expect((await viewer.get('/api/notifications')).body.unread).toBe(0)
    expect((await viewer.post('/api/notifications/read', { ids: 'all' })).status).toBe(400)
    expect((await fetch(`${server.url}/api/notifications`)).status).toBe(401)
  })

  it('the stream says the new unread count when a mention arrives', async () => {
    const { owner, documentId, viewer } = await team()
    const controller = new AbortController()
    const res = await fetch(`${server.url}/api/notifications/stream`, { headers: { cookie: viewer.cookie }, signal: controller.signal })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = res.body!.getReader()
    let text = ''
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        text += new TextDecoder().decode(value)
      }
    })().catch(() => {})
    await waitFor(() => text.includes('data: 0'))
    await owner.post(`/api/documents/${documentId}/comments`, { body: 'ping', anchor, mentions: [viewer.userId] })
    await waitFor(() => text.includes('data: 1'), { timeoutMs: 1000 })
    controller.abort()
    await pump
  })
})
