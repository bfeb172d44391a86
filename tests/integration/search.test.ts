// Workspace search: kept current from committed edits within 2 s, confined to the caller's
// workspaces, and safe against any query text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addInitiative, readRoadmap, setInitiativeField } from '../../shared/documents/roadmap'
import { signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

const searchPath = (workspaceId: string, q: string) => `/api/workspaces/${workspaceId}/search?q=${encodeURIComponent(q)}`

describe('search', () => {
  it('finds a just-edited initiative field within 2 s, with the record and a highlighted snippet', async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const viewer = await addMember('Vera Viewer', 'viewer')
    const client = connectDoc(server.url, documentId, owner.cookie)
    try {
      await client.synced()
      const ws = readRoadmap(client.doc).windowStart
      const added = addInitiative(client.doc, { title: 'Warehouse robotics', startMonth: ws, endMonth: ws })
      if (!added.ok) throw new Error(added.error)
      // Wait for the first indexing so the timed edit below is a fresh change, not the first index.
      await waitFor(async () => (await viewer.get(searchPath(workspaceId, 'robotics'))).body.results.length > 0 || null)

      expect(setInitiativeField(client.doc, added.id, 'owner', 'Quintessa Zabriskie').ok).toBe(true)
      const editedAt = Date.now()
      const found = await waitFor(async () => {
        const res = await viewer.get(searchPath(workspaceId, 'zabriskie'))
        return res.body.results.length > 0 ? res : null
      }, { timeoutMs: 2_000, intervalMs: 50 })
      expect(Date.now() - editedAt).toBeLessThan(2_000)
      expect(found.status).toBe(200)
      const [hit] = found.body.results
      expect(hit).toMatchObject({ documentId, kind: 'roadmap', title: 'Doc', recordId: added.id, recordTitle: 'Warehouse robotics', source: 'document' })
      const marked = hit.highlights.map(([s, e]: [number, number]) => hit.snippet.slice(s, e))
      expect(marked).toContain('Zabriskie')
    } finally {
      client.destroy()
    }
  })

  it('finds document titles at once and comments when written, on the record they are pinned to', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url, 'roadmap')
    const created = await owner.post(`/api/workspaces/${workspaceId}/documents`, { kind: 'risks', title: 'Quarterly cyber exposure' })
    const byTitle = await owner.get(searchPath(workspaceId, 'cyber'))
    expect(byTitle.body.results).toEqual([expect.objectContaining({ documentId: created.body.id, kind: 'risks', title: 'Quarterly cyber exposure' })])
    expect(byTitle.body.results[0].recordId).toBeUndefined()

    const comment = await owner.post(`/api/documents/${created.body.id}/comments`, { body: 'Is the <b>ransomware</b> cover renewed?', anchor: { type: 'record', recordId: 'risk-7' } })
    expect(comment.status).toBe(201)
    const byComment = await owner.get(searchPath(workspaceId, 'ransomware'))
    expect(byComment.body.results).toEqual([expect.objectContaining({ documentId: created.body.id, recordId: 'risk-7', source: 'comment' })])
    // Stored as text: the snippet is the comment's characters, the highlight an offset range.
    expect(byComment.body.results[0].snippet).toContain('<b>ransomware</b>')

    expect((await owner.delete(`/api/comments/${comment.body.comment.id}`)).status).toBe(204)
    expect((await owner.get(searchPath(workspaceId, 'ransomware'))).body.results).toEqual([])
  })

  it('never returns another workspace\'s matches, and refuses non-members', async () => {
    const a = await workspaceWithDocument(server.url, 'notes')
    const b = await workspaceWithDocument(server.url, 'notes')
    await a.owner.patch(`/api/documents/${a.documentId}`, { title: 'Kestrel migration plan' })
    await b.owner.patch(`/api/documents/${b.documentId}`, { title: 'Kestrel vendor review' })
    const inA = await a.owner.get(searchPath(a.workspaceId, 'kestrel'))
    expect(inA.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([a.documentId])
    const inB = await b.owner.get(searchPath(b.workspaceId, 'kestrel'))
    expect(inB.body.results.map((r: { documentId: string }) => r.documentId)).toEqual([b.documentId])

    const outsider = await signUp(server.url, 'Otto Outsider')
    const refused = await outsider.get(searchPath(a.workspaceId, 'kestrel'))
    expect(refused.status).toBe(403)
    expect(refused.body.error).toEqual(expect.any(String))
    // B's owner asking about A is an outsider there too.
    expect((await b.owner.get(searchPath(a.workspaceId, 'kestrel'))).status).toBe(403)
  })

  it('answers 400 to an empty or over-long query and never fails on FTS5 syntax', async () => {
    const { owner, workspaceId } = await workspaceWithDocument(server.url, 'notes')
    for (const q of ['', '   ', 'x'.repeat(201)]) {
      const res = await owner.get(searchPath(workspaceId, q))
      expect(res.status, q).toBe(400)
      expect(res.body.error, q).toMatch(/^q: /)
    }
    expect((await owner.get(`/api/workspaces/${workspaceId}/search`)).status).toBe(400)
    for (const q of ['"', 'NEAR(', '*', 'a OR', 'AND', '"Doc', 'title:Doc', '^Doc', 'NEAR(a b, 2)', '(', '-', 'Doc*"', '\u0002Doc\u0003']) {
      const res = await owner.get(searchPath(workspaceId, q))
      expect(res.status, q).toBe(200)
      expect(Array.isArray(res.body.results), q).toBe(true)
    }
    // Syntax is read as words: the title "Doc" is found through hostile decoration.
    expect((await owner.get(searchPath(workspaceId, '"Doc'))).body.results).toHaveLength(1)
  })
})
