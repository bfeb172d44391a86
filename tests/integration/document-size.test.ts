// A document is capped at 16 MB stored: the update that would pass it is refused (4415), never
// stored or relayed, and the cap still holds after the server restarts and counts what it loaded.
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/close-codes'
import { encodeUpdate } from '../../server/sync/protocol'
import { UPDATE_LIMITS } from '../../server/sync/update-limits'
import { workspaceWithDocument } from '../helpers/api'
import { openRawSocket } from '../helpers/raw-socket'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

/** An update from `doc` appending `chars` characters of text to its notes body. */
function append(doc: Y.Doc, chars: number): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText('filler').insert(doc.getText('filler').length, 'x'.repeat(chars))
  return encodeUpdate(Y.encodeStateAsUpdate(doc, before))
}

describe('document size', () => {
  it('the update that would pass 16 MB is refused (4415); what was stored stays; the cap holds after a restart', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url, 'notes')
    const local = new Y.Doc()
    const half = Math.floor(UPDATE_LIMITS.maxDocumentBytes * 0.6)

    const first = await openRawSocket(server.url, documentId, owner.cookie)
    first.send(append(local, half))
    const watcher = connectDoc(server.url, documentId, owner.cookie)
    await waitFor(() => watcher.doc.getText('filler').length === half, { timeoutMs: 30_000 })

    first.send(append(local, half))
    expect(await first.closed).toEqual({ code: CloseCode.documentTooLarge, reason: 'document too large' })
    // Nothing of it reached anyone: a marker edit sent after it arrives, the filler is unchanged.
    const marker = connectDoc(server.url, documentId, owner.cookie)
    await marker.synced()
    marker.doc.getMap('probe').set('after', true)
    await waitFor(() => watcher.doc.getMap('probe').get('after') === true)
    expect(watcher.doc.getText('filler').length).toBe(half)
    marker.destroy(); watcher.destroy()

    // A restarted server counts the stored bytes when it loads the document.
    server = await server.restart()
    const again = await openRawSocket(server.url, documentId, owner.cookie)
    const fresh = new Y.Doc()
    again.send(append(fresh, half))
    expect((await again.closed).code).toBe(CloseCode.documentTooLarge)
    const reader = connectDoc(server.url, documentId, owner.cookie)
    await reader.synced()
    expect(reader.doc.getText('filler').length).toBe(half)
    reader.destroy()
  }, 120_000)
})
