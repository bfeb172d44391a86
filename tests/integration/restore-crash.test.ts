// A restore's change and its "Restored vN" version are one transaction: killed at any moment, the
// server comes back with both or neither (issue #17, item 7: twice a kill -9 left the document
// restored with no version recorded).
import * as Y from 'yjs'
import { afterAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
afterAll(async () => { await server?.dispose() })

/** The notes body (the root a restore replaces), as Yjs writes it out. */
const bodyOf = (doc: Y.Doc): string => doc.getXmlFragment('body').toString()

const liveBody = async (documentId: string, cookie: string): Promise<string> => {
  const reader = connectDoc(server.url, documentId, cookie)
  await reader.synced()
  const body = bodyOf(reader.doc)
  reader.destroy()
  return body
}

describe('restore under kill -9', () => {
  it('the live document always equals the newest "Restored" version after a restart', async () => {
    server = await startServer()
    const { owner, documentId } = await workspaceWithDocument(server.url, 'notes')
    const writer = connectDoc(server.url, documentId, owner.cookie)
    await writer.synced()
    // Two versions to alternate between: restoring either always changes the document.
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    writer.doc.getXmlFragment('body').push([paragraph])
    text.insert(0, 'first')
    const expected: Record<number, string> = { 1: bodyOf(writer.doc) }
    await waitFor(async () => (await liveBody(documentId, owner.cookie)) === expected[1])
    expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'A' })).status).toBe(201)
    text.insert(5, ' and second')
    expected[2] = bodyOf(writer.doc)
    await waitFor(async () => (await liveBody(documentId, owner.cookie)) === expected[2])
    expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'B' })).status).toBe(201)
    writer.destroy()

    for (let round = 0; round < 6; round++) {
      // Restores back to back, and a kill -9 at a moment that falls anywhere in one of them.
      let stop = false
      let done = 0
      const restoring = (async () => {
        for (let i = 0; !stop; i++) {
          const res = await owner.post(`/api/documents/${documentId}/restore`, { version: 1 + (i % 2) }).catch(() => null)
          if (res?.status === 200) done++
        }
      })()
      await waitFor(() => done >= 2)
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 100))
      await server.kill('SIGKILL')
      stop = true
      await restoring
      server = await server.restart()

      const { versions } = (await owner.get(`/api/documents/${documentId}/versions`)).body as { versions: { label: string; version: number }[] }
      const newest = versions.find((v) => v.label.startsWith('Restored v'))!
      const restoredFrom = Number(newest.label.slice('Restored v'.length))
      expect(await liveBody(documentId, owner.cookie)).toBe(expected[restoredFrom])
      // And the version itself holds what was restored.
      const state = await fetch(`${server.url}/api/documents/${documentId}/versions/${newest.version}?format=yjs`, { headers: { cookie: owner.cookie } })
      const doc = new Y.Doc()
      Y.applyUpdate(doc, new Uint8Array(await state.arrayBuffer()))
      expect(bodyOf(doc)).toBe(expected[restoredFrom])
    }
  }, 90_000)
})
