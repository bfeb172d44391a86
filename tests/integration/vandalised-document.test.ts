// A document that already holds content beyond today's limits (20,000 nested elements, as one
// update stored before the limits existed, or by a server without them) can still be saved,
// compared, saved by a meeting's end and restored, so the vandalism can be undone (issue #17,
// item 4). Yjs deletes and garbage-collects such a subtree one call per level (Item.delete →
// ContentType.delete, Item.gc → ContentType.gc): the restore is built on the document worker, whose
// stack is sized for it, and stores the flat document it leaves as the compacted state in its own
// transaction, so no load applies that delete again. A client connected meanwhile is not sent the
// deletion (it would overflow there too): it is closed with 4410 and opens the document afresh.
import { createClient } from '@libsql/client'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/close-codes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

const DEPTH = 20_000

let server: TestServer
beforeAll(async () => { server = await startServer({ tuning: { unloadAfterMs: 200 } }) })
afterAll(async () => { await server?.dispose() })

/** The depth of the chain of blockquotes under the body (walked, not recursed). */
function bodyDepth(doc: Y.Doc): number {
  let depth = 0
  let node: Y.XmlFragment | undefined = doc.getXmlFragment('body')
  while ((node = node.toArray().find((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'blockquote'))) depth++
  return depth
}

/** The text of the body's paragraphs. */
const bodyText = (doc: Y.Doc): string => doc.getXmlFragment('body').toArray()
  .filter((c): c is Y.XmlElement => c instanceof Y.XmlElement && c.nodeName === 'paragraph').map((p) => p.toString().replace(/<[^>]*>/g, '')).join('\n')

describe('a document holding content beyond the limits', () => {
  it(`${DEPTH} nested elements in the log: save, compare, meeting end and a restore that undoes it; the document reloads restored`, async () => {
    const { owner, workspaceId, documentId } = await workspaceWithDocument(server.url, 'summary')
    const meeting = await owner.post(`/api/workspaces/${workspaceId}/meetings`, { cadence: 'board', title: 'Board', startsAt: '2026-09-15T09:00:00Z', agenda: [documentId] })
    expect(meeting.status).toBe(201)
    const writer = connectDoc(server.url, documentId, owner.cookie)
    await writer.synced()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('Clean text')])
    writer.doc.getXmlFragment('body').insert(0, [paragraph])
    const marker = connectDoc(server.url, documentId, owner.cookie)
    await waitFor(() => bodyText(marker.doc).includes('Clean text'))
    const cleanText = bodyText(marker.doc) // with the kind's template
    writer.destroy(); marker.destroy()
    expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'clean' })).status).toBe(201)
    await waitFor(async () => (await (await fetch(`${server.url}/api/health`)).json()).loadedDocuments === 0)

    // The vandal's update, written into the log as a server without the depth limit stored it.
    const vandal = new Y.Doc()
    vandal.transact(() => {
      let parent: Y.XmlFragment = vandal.getXmlFragment('body')
      for (let i = 0; i < DEPTH; i++) {
        const child = new Y.XmlElement('blockquote')
        parent.insert(0, [child])
        parent = child
      }
    })
    const db = createClient({ url: `file:${server.dbPath}` })
    const counter = await db.execute({
      sql: `SELECT max(coalesce((SELECT last_seq FROM document_seq WHERE document_id = ?1), 0),
              coalesce((SELECT through_seq FROM document_states WHERE document_id = ?1), 0)) AS last`,
      args: [documentId],
    })
    const seq = Number(counter.rows[0].last) + 1
    await db.batch([
      { sql: 'INSERT INTO document_updates (document_id, seq, "update", created_at) VALUES (?, ?, ?, ?)', args: [documentId, seq, Y.encodeStateAsUpdate(vandal), Date.now()] },
      { sql: 'INSERT INTO document_seq (document_id, last_seq) VALUES (?1, ?2) ON CONFLICT (document_id) DO UPDATE SET last_seq = ?2', args: [documentId, seq] },
    ], 'write')
    db.close()

    const saved = await owner.post(`/api/documents/${documentId}/versions`, { label: 'vandalised' })
    expect(saved.status).toBe(201)
    expect(saved.body.version.version).toBe(2)
    expect((await owner.get(`/api/documents/${documentId}/compare?from=1&to=live`)).status).toBe(200)
    expect((await owner.get(`/api/documents/${documentId}/compare?from=1&to=2`)).status).toBe(200)
    expect((await owner.get(`/api/documents/${documentId}/versions/2`)).status).toBe(200)

    const ended = await owner.post(`/api/meetings/${meeting.body.id}/end`)
    expect(ended.status).toBe(200)
    expect(ended.body.versions.map((v: { documentId: string }) => v.documentId)).toContain(documentId)

    // The live document still loads and syncs as it is; this client stays connected through the restore.
    const watcher = connectDoc(server.url, documentId, owner.cookie)
    await watcher.synced()
    expect(bodyDepth(watcher.doc)).toBe(DEPTH)
    expect(bodyText(watcher.doc)).toBe(cleanText)

    // Restoring the clean version undoes the vandalism.
    const restored = await owner.post(`/api/documents/${documentId}/restore`, { version: 1 })
    expect(restored.status).toBe(200)
    expect(restored.body.changed).toBe(true)
    expect(restored.body.version.label).toBe('Restored v1')
    const versions = await owner.get(`/api/documents/${documentId}/versions`)
    expect(versions.body.versions[0]).toMatchObject({ version: restored.body.version.version, label: 'Restored v1' })
    // The connected client is not sent the deletion (Yjs would overflow its stack applying it): it is
    // told to open the document afresh, as the app does (useDocumentSync), and that copy is restored.
    await waitFor(() => watcher.closes.some((c) => c.code === CloseCode.documentReplaced), { message: 'the connected client is told to reopen' })
    expect(bodyDepth(watcher.doc)).toBe(DEPTH)
    watcher.destroy()
    const reopened = connectDoc(server.url, documentId, owner.cookie)
    await reopened.synced()
    expect(bodyDepth(reopened.doc)).toBe(0)
    expect(bodyText(reopened.doc)).toBe(cleanText)
    reopened.destroy()

    // Stored compacted with the restore: the vandal's row is gone from the log.
    const stored = createClient({ url: `file:${server.dbPath}` })
    const vandalRows = await stored.execute({ sql: 'SELECT count(*) AS n FROM document_updates WHERE document_id = ? AND seq <= ?', args: [documentId, seq] })
    stored.close()
    expect(Number(vandalRows.rows[0].n)).toBe(0)

    // The document reloads as restored, unloaded and after a restart, and takes edits.
    await waitFor(async () => (await (await fetch(`${server.url}/api/health`)).json()).loadedDocuments === 0)
    for (const phase of ['reloaded', 'restarted']) {
      if (phase === 'restarted') server = await server.restart()
      const reader = connectDoc(server.url, documentId, owner.cookie)
      await reader.synced()
      expect(bodyDepth(reader.doc), phase).toBe(0)
      expect(bodyText(reader.doc), phase).toBe(cleanText)
      reader.doc.getMap('probe').set(phase, true)
      const other = connectDoc(server.url, documentId, owner.cookie)
      await waitFor(() => other.doc.getMap('probe').get(phase) === true, { message: `an edit after the document was ${phase}` })
      reader.destroy(); other.destroy()
    }
  }, 180_000)
})
