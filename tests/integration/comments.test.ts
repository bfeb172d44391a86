// Discussion threads on a document: who may do what, what is refused, and that every open page of
// the document hears of a change over its sync connection.
import type * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendBlocks, getBodyFragment, paragraphs } from '../../shared/documents/rich-text'
import { MESSAGE_NOTICE, readNotice, type SyncNotice } from '../../shared/sync-notices'
import { signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const documentAnchor = { type: 'document' } as const

async function team() {
  const setup = await workspaceWithDocument(server.url, 'roadmap')
  const editor = await setup.addMember('Eddie Editor', 'editor')
  const viewer = await setup.addMember('Vera Viewer', 'viewer')
  return { ...setup, editor, viewer }
}

describe('roles', () => {
  it('a viewer starts a thread, an editor replies and resolves it, the viewer sees it resolved', async () => {
    const { documentId, editor, viewer } = await team()
    const created = await viewer.post(`/api/documents/${documentId}/comments`, { body: 'Why does Q3 cost double?', anchor: { type: 'record', recordId: 'init-1' } })
    expect(created.status).toBe(201)
    const comment = created.body.comment
    expect(comment).toMatchObject({
      documentId, body: 'Why does Q3 cost double?', anchor: { type: 'record', recordId: 'init-1' },
      authorId: viewer.userId, authorName: 'Vera Viewer', resolved: false, resolvedBy: null, replies: [],
    })
    const replied = await editor.post(`/api/comments/${comment.id}/replies`, { body: 'Two vendors overlap.' })
    expect(replied.status).toBe(201)
    expect(replied.body.reply).toMatchObject({ commentId: comment.id, body: 'Two vendors overlap.', authorName: 'Eddie Editor' })
    const resolved = await editor.patch(`/api/comments/${comment.id}`, { resolved: true })
    expect(resolved.status).toBe(200)
    expect(resolved.body.comment).toMatchObject({ resolved: true, resolvedBy: { id: editor.userId, name: 'Eddie Editor' } })

    const list = await viewer.get(`/api/documents/${documentId}/comments`)
    expect(list.status).toBe(200)
    expect(list.body.comments).toHaveLength(1)
    expect(list.body.comments[0]).toMatchObject({ id: comment.id, resolved: true, replies: [{ body: 'Two vendors overlap.' }] })

    // The editor reopens it.
    const reopened = await editor.patch(`/api/comments/${comment.id}`, { resolved: false })
    expect(reopened.body.comment).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null })
  })

  it('a viewer cannot resolve another person\'s thread but may resolve their own', async () => {
    const { documentId, editor, viewer } = await team()
    const editors = await editor.post(`/api/documents/${documentId}/comments`, { body: 'Check the dates', anchor: documentAnchor })
    const refused = await viewer.patch(`/api/comments/${editors.body.comment.id}`, { resolved: true })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatch(/viewer/)
    expect((await viewer.get(`/api/documents/${documentId}/comments`)).body.comments[0].resolved).toBe(false)

    const own = await viewer.post(`/api/documents/${documentId}/comments`, { body: 'Mine', anchor: documentAnchor })
    const resolvedOwn = await viewer.patch(`/api/comments/${own.body.comment.id}`, { resolved: true })
    expect(resolvedOwn.status).toBe(200)
    expect(resolvedOwn.body.comment.resolved).toBe(true)
  })

  it('a viewer who comments still cannot change the document', async () => {
    const { owner, documentId, viewer } = await team()
    expect((await viewer.post(`/api/documents/${documentId}/comments`, { body: 'A question', anchor: documentAnchor })).status).toBe(201)
    expect((await viewer.patch(`/api/documents/${documentId}`, { title: 'Taken over' })).status).toBe(403)

    const viewing = connectDoc(server.url, documentId, viewer.cookie)
    const editing = connectDoc(server.url, documentId, owner.cookie)
    try {
      await Promise.all([viewing.synced(), editing.synced()])
      viewing.doc.getText('probe').insert(0, 'viewer was here')
      // A presence change sent after the edit on the same socket is the marker: once the owner sees
      // it, the server has handled the viewer's edit.
      viewing.provider.awareness.setLocalStateField('marker', 'after-probe')
      await waitFor(() => [...editing.provider.awareness.getStates().values()].some((s) => s.marker === 'after-probe') || null)
      const fresh = connectDoc(server.url, documentId, owner.cookie)
      try {
        await fresh.synced()
        expect(fresh.doc.getText('probe').toString()).toBe('')
        expect(viewing.doc.getText('probe').toString()).toBe('viewer was here')
      } finally {
        fresh.destroy()
      }
    } finally {
      viewing.destroy()
      editing.destroy()
    }
  })

  it('authors edit and delete their own threads; owners delete any; others get 403', async () => {
    const { owner, documentId, editor, viewer } = await team()
    const post = async (who: typeof viewer, body: string) => (await who.post(`/api/documents/${documentId}/comments`, { body, anchor: documentAnchor })).body.comment.id as string
    const viewers = await post(viewer, 'first draft')

    const edited = await viewer.patch(`/api/comments/${viewers}`, { body: 'second draft' })
    expect(edited.status).toBe(200)
    expect(edited.body.comment.body).toBe('second draft')
    expect((await editor.patch(`/api/comments/${viewers}`, { body: 'rewritten' })).status).toBe(403)
    expect((await owner.patch(`/api/comments/${viewers}`, { body: 'rewritten' })).status).toBe(403)

    expect((await editor.delete(`/api/comments/${viewers}`)).status).toBe(403)
    const editors = await post(editor, 'by the editor')
    expect((await viewer.delete(`/api/comments/${editors}`)).status).toBe(403)

    expect((await viewer.delete(`/api/comments/${viewers}`)).status).toBe(204)
    expect((await owner.delete(`/api/comments/${editors}`)).status).toBe(204)
    expect((await owner.get(`/api/documents/${documentId}/comments`)).body.comments).toEqual([])
    expect((await owner.delete(`/api/comments/${editors}`)).status).toBe(404)
  })

  it('a non-member gets 403 on every route', async () => {
    const { documentId, viewer } = await team()
    const outsider = await signUp(server.url, 'Oscar Outsider')
    const id = (await viewer.post(`/api/documents/${documentId}/comments`, { body: 'inside', anchor: documentAnchor })).body.comment.id
    const answers = await Promise.all([
      outsider.post(`/api/documents/${documentId}/comments`, { body: 'hi', anchor: documentAnchor }),
      outsider.get(`/api/documents/${documentId}/comments`),
      outsider.post(`/api/comments/${id}/replies`, { body: 'hi' }),
      outsider.patch(`/api/comments/${id}`, { resolved: true }),
      outsider.patch(`/api/comments/${id}`, { body: 'changed' }),
      outsider.delete(`/api/comments/${id}`),
    ])
    for (const res of answers) {
      expect(res.status).toBe(403)
      expect(res.body.error).toBe('not a member of this workspace')
    }
    expect((await viewer.get(`/api/documents/${documentId}/comments`)).body.comments[0]).toMatchObject({ body: 'inside', resolved: false, replies: [] })
  })

  it('unknown documents and threads are 404', async () => {
    const { owner } = await team()
    const answers = await Promise.all([
      owner.post('/api/documents/nope/comments', { body: 'hi', anchor: documentAnchor }),
      owner.get('/api/documents/nope/comments'),
      owner.post('/api/comments/nope/replies', { body: 'hi' }),
      owner.patch('/api/comments/nope', { resolved: true }),
      owner.delete('/api/comments/nope'),
    ])
    for (const res of answers) {
      expect(res.status).toBe(404)
      expect(typeof res.body.error).toBe('string')
    }
  })

  it('an archived document\'s threads can be read but not changed', async () => {
    const { owner, documentId, viewer } = await team()
    const id = (await viewer.post(`/api/documents/${documentId}/comments`, { body: 'before archiving', anchor: documentAnchor })).body.comment.id
    expect((await owner.patch(`/api/documents/${documentId}`, { archived: true })).status).toBe(200)
    expect((await viewer.get(`/api/documents/${documentId}/comments`)).body.comments).toHaveLength(1)
    for (const res of [
      await viewer.post(`/api/documents/${documentId}/comments`, { body: 'after', anchor: documentAnchor }),
      await viewer.post(`/api/comments/${id}/replies`, { body: 'after' }),
      await owner.patch(`/api/comments/${id}`, { resolved: true }),
      await owner.delete(`/api/comments/${id}`),
    ]) {
      expect(res.status).toBe(409)
      expect(res.body.error).toMatch(/archived/)
    }
  })
})

describe('validation', () => {
  it('refuses an empty, blank or 10,001-character body and accepts exactly 10,000', async () => {
    const { documentId, viewer } = await team()
    const url = `/api/documents/${documentId}/comments`
    for (const body of ['', '   \n ', 'x'.repeat(10_001)]) {
      const res = await viewer.post(url, { body, anchor: documentAnchor })
      expect(res.status).toBe(400)
      expect(res.body.error).toMatch(/^body: /)
    }
    expect((await viewer.post(url, { anchor: documentAnchor })).status).toBe(400)
    const longest = await viewer.post(url, { body: 'x'.repeat(10_000), anchor: documentAnchor })
    expect(longest.status).toBe(201)
    const id = longest.body.comment.id
    expect((await viewer.post(`/api/comments/${id}/replies`, { body: '' })).status).toBe(400)
    expect((await viewer.post(`/api/comments/${id}/replies`, { body: 'y'.repeat(10_001) })).status).toBe(400)
    expect((await viewer.patch(`/api/comments/${id}`, { body: '' })).status).toBe(400)
    const nothing = await viewer.patch(`/api/comments/${id}`, {})
    expect(nothing.status).toBe(400)
    expect(nothing.body.error).toMatch(/body, resolved/)
  })

  it('refuses malformed anchors', async () => {
    const { documentId, viewer } = await team()
    const url = `/api/documents/${documentId}/comments`
    for (const anchor of [undefined, {}, { type: 'page' }, { type: 'record' }, { type: 'text', start: 'AQ==' }, { type: 'text', start: 'not base64!', end: 'AQ==' },
      { type: 'text', start: 'AQ==', end: 'AQ==', quote: 'x'.repeat(501) }]) {
      const res = await viewer.post(url, { body: 'hi', anchor })
      expect(res.status).toBe(400)
      expect(res.body.error).toMatch(/anchor/)
    }
    // A text anchor: encoded Yjs relative positions, stored and returned as sent.
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'hello world')
    const encode = (i: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString('base64')
    const anchor = { type: 'text', recordId: 'init-1', field: 'description', start: encode(6), end: encode(11), quote: 'world' }
    const res = await viewer.post(url, { body: 'this word', anchor })
    expect(res.status).toBe(201)
    expect(res.body.comment.anchor).toEqual(anchor)
  })

  it('stores HTML and prototype keys verbatim as text', async () => {
    const { documentId, viewer } = await team()
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script> & "quotes"'
    const res = await viewer.request('POST', `/api/documents/${documentId}/comments`,
      `{"body":${JSON.stringify(hostile)},"anchor":{"type":"document"},"__proto__":{"resolved":true}}`)
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.body.comment.body).toBe(hostile)
    expect(res.body.comment.resolved).toBe(false)
    const listed = await viewer.get(`/api/documents/${documentId}/comments`)
    expect(listed.body.comments[0].body).toBe(hostile)
  })
})

describe('text anchors', () => {
  /** The paragraph of a synced client's notes body whose text starts with `prefix`. */
  function paragraphStarting(doc: Y.Doc, prefix: string): Y.XmlText | null {
    for (const block of getBodyFragment(doc).toArray()) {
      const text = block instanceof Y.XmlElement ? block.get(0) : null
      if (text instanceof Y.XmlText && text.toString().includes(prefix)) return text
    }
    return null
  }
  const encode = (pos: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(pos)).toString('base64')
  const decode = (base64: string) => Y.decodeRelativePosition(new Uint8Array(Buffer.from(base64, 'base64')))

  it('a text-anchored thread still points at the same words after another client inserts text before them', async () => {
    const { owner, workspaceId, editor, viewer } = await team()
    const notes = (await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'notes', title: 'Notes' })).body.id as string
    const writer = connectDoc(server.url, notes, editor.cookie)
    const reader = connectDoc(server.url, notes, viewer.cookie)
    try {
      await Promise.all([writer.synced(), reader.synced()])
      appendBlocks(getBodyFragment(writer.doc), paragraphs('The budget grows by twelve percent next year.'))
      // The viewer's synced copy: anchor the words as the page does (y-tiptap encodes both ends with assoc -1).
      const seen = await waitFor(() => paragraphStarting(reader.doc, 'The budget'))
      const at = seen.toString().indexOf('twelve percent')
      const anchor = { type: 'text', field: 'body', start: encode(Y.createRelativePositionFromTypeIndex(seen, at, -1)), end: encode(Y.createRelativePositionFromTypeIndex(seen, at + 'twelve percent'.length, -1)), quote: 'twelve percent' }
      const created = await viewer.post(`/api/documents/${notes}/comments`, { body: 'Where from?', anchor })
      expect(created.status).toBe(201)

      // Another client inserts text before the words, in the same paragraph.
      const mine = await waitFor(() => paragraphStarting(writer.doc, 'The budget'))
      mine.insert('The budget '.length, 'really ')
      mine.insert(0, 'Draft: ')
      await waitFor(() => paragraphStarting(reader.doc, 'Draft: The budget really grows'))

      // A client that joins now resolves the stored anchor to the same words, now further along.
      const late = connectDoc(server.url, notes, owner.cookie)
      try {
        await late.synced()
        const [stored] = (await owner.get(`/api/documents/${notes}/comments`)).body.comments
        const start = Y.createAbsolutePositionFromRelativePosition(decode(stored.anchor.start), late.doc)
        const end = Y.createAbsolutePositionFromRelativePosition(decode(stored.anchor.end), late.doc)
        expect(start && end).toBeTruthy()
        expect(start!.type).toBe(end!.type)
        expect(start!.index).toBe(at + 'Draft: really '.length)
        expect((start!.type as Y.XmlText).toString().slice(start!.index, end!.index)).toBe('twelve percent')
      } finally {
        late.destroy()
      }
    } finally {
      writer.destroy()
      reader.destroy()
    }
  })
})

describe('live', () => {
  it('a comment posted reaches another connected client\'s notice within 1 s', async () => {
    const { owner, documentId, viewer } = await team()
    const watching = connectDoc(server.url, documentId, owner.cookie)
    try {
      await watching.synced()
      const seen: { notice: SyncNotice | null; at: number }[] = []
      watching.provider.messageHandlers[MESSAGE_NOTICE] = (_encoder: unknown, decoder: decoding.Decoder) => {
        seen.push({ notice: readNotice(decoder), at: performance.now() })
      }
      const sentAt = performance.now()
      const created = await viewer.post(`/api/documents/${documentId}/comments`, { body: 'Live?', anchor: documentAnchor })
      expect(created.status).toBe(201)
      await waitFor(() => seen.length >= 1, { timeoutMs: 1_000, message: 'no comments notice within 1 s' })
      expect(seen[0].notice).toEqual({ type: 'comments', documentId, commentId: created.body.comment.id })
      expect(seen[0].at - sentAt).toBeLessThan(1_000)

      // Replies, resolves and deletes are announced too.
      const id = created.body.comment.id
      await owner.post(`/api/comments/${id}/replies`, { body: 'Yes' })
      await owner.patch(`/api/comments/${id}`, { resolved: true })
      await owner.delete(`/api/comments/${id}`)
      await waitFor(() => seen.length >= 4, { timeoutMs: 1_000 })
      expect(seen.map((s) => s.notice?.type)).toEqual(['comments', 'comments', 'comments', 'comments'])
    } finally {
      watching.destroy()
    }
  })
})
