// A notes document whose stored log has lost a row in the middle (a bad restore, a hand edit), as
// the server finds it on its next load. The server must unload documents quickly (`unloadAfterMs`).
import { createClient } from '@libsql/client'
import { workspaceWithDocument } from './api'
import type { TestServer } from './server'
import { connectDoc } from './sync-client'
import { waitFor } from './wait'

export async function documentWithLostRow(server: TestServer) {
  const created = await workspaceWithDocument(server.url, 'notes')
  const { owner, documentId } = created
  const writer = connectDoc(server.url, documentId, owner.cookie)
  const watcher = connectDoc(server.url, documentId, owner.cookie)
  await Promise.all([writer.synced(), watcher.synced()])
  // One row per edit: each is relayed (so committed) before the next is made.
  for (let i = 0; i < 5; i++) {
    writer.doc.getText('t').insert(i, 'x')
    await waitFor(() => watcher.doc.getText('t').length === i + 1)
  }
  writer.destroy()
  watcher.destroy()
  await waitFor(async () => (await (await fetch(`${server.url}/api/health`)).json()).loadedDocuments === 0)

  const db = createClient({ url: `file:${server.dbPath}` })
  try {
    const rows = await db.execute({ sql: 'SELECT seq FROM document_updates WHERE document_id = ? ORDER BY seq', args: [documentId] })
    if (rows.rows.length < 5) throw new Error(`expected at least 5 log rows, found ${rows.rows.length}`)
    const lost = Number(rows.rows[2].seq)
    await db.execute({ sql: 'DELETE FROM document_updates WHERE document_id = ? AND seq = ?', args: [documentId, lost] })
    return { ...created, rowsBefore: rows.rows.length, lost }
  } finally {
    db.close()
  }
}
