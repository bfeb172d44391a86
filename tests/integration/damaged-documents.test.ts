// Updates building on what the server never received are refused before they are stored (4424),
// and a document whose stored log is not whole is refused loudly (503 naming it, its sockets closed
// with 4423, /api/health), never served as less than it is; its rows stay as they were (issue #17,
// items 4 and 6).
import { createClient } from '@libsql/client'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/close-codes'
import { SOCKET_LIMITS } from '../../server/sync/connection-limits'
import { encodeUpdate } from '../../server/sync/protocol'
import { signUp, workspaceWithDocument } from '../helpers/api'
import { documentWithLostRow } from '../helpers/damaged-document'
import { openRawSocket } from '../helpers/raw-socket'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer({ tuning: { unloadAfterMs: 200 } }) })
afterAll(async () => { await server?.dispose() })

/** How the server ends a sync socket to the document, and whether it sent anything first. */
async function syncSocketEnd(documentId: string, cookie: string) {
  const socket = await openRawSocket(server.url, documentId, cookie)
  const closed = await socket.closed
  return { ...closed, framesBeforeClose: socket.frames.length }
}

const DAMAGED_CLOSE = { code: CloseCode.documentDamaged, reason: 'document damaged: its stored history cannot be read; nothing was changed', framesBeforeClose: 0 }

describe('updates whose dependencies are missing', () => {
  it('are refused with 4424 and never stored; a burst of updates each building on the last is accepted', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url, 'notes')
    const watcher = connectDoc(server.url, documentId, owner.cookie)
    await watcher.synced()

    // A client types 200 characters as 200 updates sent at once: each builds on the one before,
    // which is still waiting for its commit when the next arrives.
    const typist = await openRawSocket(server.url, documentId, owner.cookie)
    const local = new Y.Doc()
    Y.applyUpdate(local, Y.encodeStateAsUpdate(watcher.doc))
    const text = local.getText('burst')
    for (let i = 0; i < 200; i++) {
      const before = Y.encodeStateVector(local)
      text.insert(i, String(i % 10))
      typist.send(encodeUpdate(Y.encodeStateAsUpdate(local, before)))
    }
    await waitFor(() => watcher.doc.getText('burst').length === 200)

    // Another client's update whose first part it keeps to itself.
    const forger = await openRawSocket(server.url, documentId, owner.cookie)
    const hidden = new Y.Doc()
    Y.applyUpdate(hidden, Y.encodeStateAsUpdate(watcher.doc))
    hidden.getText('forged').insert(0, 'kept back ')
    const after = Y.encodeStateVector(hidden)
    hidden.getText('forged').insert(10, 'sent')
    forger.send(encodeUpdate(Y.encodeStateAsUpdate(hidden, after)))
    const closed = await forger.closed
    expect(closed).toEqual({ code: CloseCode.missingDependencies, reason: 'update depends on missing updates' })

    // Not stored: after an unload and a reload the document has the burst and nothing forged.
    typist.ws.close()
    watcher.destroy()
    await waitFor(async () => (await (await fetch(`${server.url}/api/health`)).json()).loadedDocuments === 0)
    const reader = connectDoc(server.url, documentId, owner.cookie)
    await reader.synced()
    expect(reader.doc.getText('burst').length).toBe(200)
    expect(reader.doc.getText('forged').toString()).toBe('')
    reader.destroy()
  }, 30_000)
})

describe('a damaged document', () => {
  it('with a row missing from its log answers 503 naming it, closes its sockets with 4423, shows in /api/health, and keeps its rows', async () => {
    // The database loses one row in the middle of the log.
    const { owner, documentId, addMember, rowsBefore, lost } = await documentWithLostRow(server)
    const viewer = await addMember('Vic Viewer', 'viewer')

    const res = await owner.post(`/api/documents/${documentId}/versions`, { label: 'after the loss' })
    expect(res.status).toBe(503)
    expect(res.body.error).toContain(`document ${documentId} is damaged`)
    expect(res.body.error).toContain(`no row ${lost}`)
    // A browser cannot read a refused upgrade's status: the socket opens and is closed at once with
    // a code it can show, for an owner and a viewer alike, and nothing of the document is sent.
    expect(await syncSocketEnd(documentId, owner.cookie)).toEqual(DAMAGED_CLOSE)
    expect(await syncSocketEnd(documentId, viewer.cookie)).toEqual(DAMAGED_CLOSE)
    // Each such socket gives its slot back: more of them than the per-user cap are all answered 4423 (not 429).
    for (let i = 0; i < SOCKET_LIMITS.perUser + 5; i++) expect((await syncSocketEnd(documentId, owner.cookie)).code).toBe(CloseCode.documentDamaged)
    // Membership is still checked first: someone outside the workspace learns nothing.
    const outsider = await signUp(server.url, 'Otto Outsider')
    const refused = await openRawSocket(server.url, documentId, outsider.cookie).then(() => 'opened', (err: Error) => err.message)
    expect(refused).toBe('upgrade refused: 403')
    const health = await (await fetch(`${server.url}/api/health`)).json()
    expect(health.damagedDocuments).toEqual([expect.objectContaining({ documentId, problem: expect.stringContaining(`no row ${lost}`) })])
    expect(health.loadedDocuments).toBe(0) // no room was kept for it

    // Evidence kept: every other row is still there.
    const db = createClient({ url: `file:${server.dbPath}` })
    const left = await db.execute({ sql: 'SELECT count(*) AS n FROM document_updates WHERE document_id = ?', args: [documentId] })
    expect(Number(left.rows[0].n)).toBe(rowsBefore - 1)
    db.close()
  }, 30_000)

  it('with a torn row in its log answers 503 naming the row, closes its sockets with 4423, shows in /api/health, and keeps the row as it is', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url, 'notes')
    const writer = connectDoc(server.url, documentId, owner.cookie)
    const watcher = connectDoc(server.url, documentId, owner.cookie)
    await Promise.all([writer.synced(), watcher.synced()])
    for (let i = 0; i < 5; i++) {
      writer.doc.getText('t').insert(i, `edit ${i} `)
      await waitFor(() => watcher.doc.getText('t').toString().includes(`edit ${i}`))
    }
    writer.destroy()
    watcher.destroy()
    await waitFor(async () => (await (await fetch(`${server.url}/api/health`)).json()).loadedDocuments === 0)

    // The last row loses its second half (a torn write, a bad copy): Yjs cannot read it. Nothing
    // builds on it, so no dependency goes missing: the server used to skip it with a warning and
    // serve (and save) the document without that edit.
    const db = createClient({ url: `file:${server.dbPath}` })
    const rows = await db.execute({ sql: 'SELECT seq, "update" FROM document_updates WHERE document_id = ? ORDER BY seq', args: [documentId] })
    expect(rows.rows.length).toBeGreaterThanOrEqual(5)
    const tornAt = rows.rows.length - 1
    const torn = rows.rows[tornAt]
    const bytes = new Uint8Array(torn.update as ArrayBuffer)
    const half = bytes.slice(0, bytes.byteLength >> 1)
    await db.execute({ sql: 'UPDATE document_updates SET "update" = ? WHERE document_id = ? AND seq = ?', args: [half, documentId, torn.seq] })

    const res = await owner.post(`/api/documents/${documentId}/versions`, { label: 'after the tear' })
    expect(res.status).toBe(503)
    expect(res.body.error).toContain(`document ${documentId} is damaged`)
    expect(res.body.error).toContain(`update log row ${torn.seq} cannot be read`)
    expect(await syncSocketEnd(documentId, owner.cookie)).toEqual(DAMAGED_CLOSE)
    const health = await (await fetch(`${server.url}/api/health`)).json()
    expect(health.damagedDocuments).toEqual(expect.arrayContaining([expect.objectContaining({ documentId, problem: expect.stringContaining(`row ${torn.seq} cannot be read`) })]))

    // Evidence kept: every row is still there, the torn one as it was found.
    const left = await db.execute({ sql: 'SELECT seq, "update" FROM document_updates WHERE document_id = ? ORDER BY seq', args: [documentId] })
    expect(left.rows.length).toBe(rows.rows.length)
    expect(new Uint8Array(left.rows[tornAt].update as ArrayBuffer)).toEqual(half)
    db.close()
  }, 30_000)
})
