// With several instances, a comment posted through one reaches a page connected to another within
// 1 s: the "comments" notice goes through Redis on the document's channel.
import type * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { MESSAGE_NOTICE, readNotice, type SyncNotice } from '../../shared/sync-notices'
import { ApiClient, workspaceWithDocument } from '../helpers/api'
import { startCluster, type TestCluster } from '../helpers/cluster'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let cluster: TestCluster
beforeAll(async () => { cluster = await startCluster() }, 120_000)
afterAll(async () => { await cluster?.dispose() })

it('a comment posted on B reaches a client connected to A within 1 s', async () => {
  const [a, b] = cluster.servers
  const { owner, documentId, addMember } = await workspaceWithDocument(a.url)
  const viewer = await addMember('Vera Viewer', 'viewer')
  const onA = connectDoc(a.url, documentId, owner.cookie)
  try {
    await onA.synced()
    const seen: SyncNotice[] = []
    onA.provider.messageHandlers[MESSAGE_NOTICE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      const notice = readNotice(decoder)
      if (notice) seen.push(notice)
    }
    // B has nobody connected to the document: the notice goes out all the same.
    const viewerOnB = Object.assign(new ApiClient(b.url), { cookie: viewer.cookie })
    const sentAt = Date.now()
    const created = await viewerOnB.post(`/api/documents/${documentId}/comments`, { body: 'From B', anchor: { type: 'document' } })
    expect(created.status).toBe(201)
    await waitFor(() => seen.length >= 1, { timeoutMs: 1_000, message: 'no comments notice on A within 1 s' })
    expect(Date.now() - sentAt).toBeLessThan(1_000)
    expect(seen[0]).toEqual({ type: 'comments', documentId, commentId: created.body.comment.id })
    const listed = await owner.get(`/api/documents/${documentId}/comments`)
    expect(listed.body.comments.map((c: { body: string }) => c.body)).toEqual(['From B'])
  } finally {
    onA.destroy()
  }
})
