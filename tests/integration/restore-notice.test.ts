// A restore tells everyone with the document open who restored which version: a notice on the sync
// socket, after the restore itself was relayed through the normal commit → apply → relay path.
import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import { MESSAGE_NOTICE, readNotice, restoredText, type RestoredNotice, type SyncNotice } from '../../shared/sync-notices'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

it('sends every connected client "Olivia restored v1", after the restored content', async () => {
  const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
  const viewer = await addMember('Vera Viewer', 'viewer')
  const editing = connectDoc(server.url, documentId, owner.cookie)
  const watching = connectDoc(server.url, documentId, viewer.cookie)
  try {
    await Promise.all([editing.synced(), watching.synced()])
    const v1 = await owner.post(`/api/documents/${documentId}/versions`, { label: 'empty' })
    expect(v1.status).toBe(201)
    const ws = readRoadmap(editing.doc).windowStart!
    addInitiative(editing.doc, { title: 'Added after v1', startMonth: ws, endMonth: ws })
    await waitFor(() => readRoadmap(watching.doc).initiatives.length === 1)

    // What the viewer's page sees: each notice with the document's state at the moment it arrived.
    const seen: { notice: SyncNotice | null; initiatives: number }[] = []
    watching.provider.messageHandlers[MESSAGE_NOTICE] = (_encoder: unknown, decoder: decoding.Decoder) => {
      seen.push({ notice: readNotice(decoder), initiatives: readRoadmap(watching.doc).initiatives.length })
    }
    const restore = await owner.post(`/api/documents/${documentId}/restore`, { version: 1 })
    expect(restore.status).toBe(200)
    await waitFor(() => seen.length === 1)
    const { notice, initiatives } = seen[0]
    expect(notice).toMatchObject({ type: 'restored', documentId, restoredFrom: 1, savedAs: 2, by: { id: owner.userId, name: 'Olivia Owner' } })
    expect(initiatives).toBe(0) // the restore reached this client before its notice
    expect(restoredText(notice as RestoredNotice, viewer.userId)).toBe('Olivia Owner restored v1')
    expect(restoredText(notice as RestoredNotice, owner.userId)).toBe('You restored v1')
  } finally {
    editing.destroy()
    watching.destroy()
  }
})
