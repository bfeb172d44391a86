// The document list's "edited" time follows edits and restores, not only the row's creation.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { sleep, waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

it('moves the edited time when the document is edited and when a version is restored', async () => {
  const { owner, workspaceId, documentId } = await workspaceWithDocument(server.url, 'roadmap')
  const editedAt = async () => {
    const list = (await owner.get(`/api/workspaces/${workspaceId}/documents`)).body.documents
    return Date.parse(list.find((d: any) => d.id === documentId).updatedAt)
  }
  const created = await editedAt()
  const v1 = await owner.post(`/api/documents/${documentId}/versions`, { label: 'empty' })
  expect(v1.status).toBe(201)
  await sleep(20) // a visible step in milliseconds

  const client = connectDoc(server.url, documentId, owner.cookie)
  try {
    await client.synced()
    const ws = readRoadmap(client.doc).windowStart!
    addInitiative(client.doc, { title: 'Data platform', startMonth: ws, endMonth: ws })
    // The log row reaches the table within the journal's transfer delay (~0.5 s).
    const afterEdit: number = await waitFor(async () => { const t = await editedAt(); return t > created ? t : null })
    await sleep(20)
    expect((await owner.post(`/api/documents/${documentId}/restore`, { version: 1 })).status).toBe(200)
    expect(await editedAt()).toBeGreaterThan(afterEdit)
  } finally {
    client.destroy()
  }
})
