// A session that expires while its sync sockets are open signs them out: sync traffic does not renew a
// session, and every instance (one process too) re-checks its sockets against the database
// (server/sync/access-recheck.ts), shortened here to 300 ms.
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/close-codes'
import { workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc } from '../helpers/sync-client'
import { waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer({ tuning: { accessRecheckMs: 300 } }) })
afterAll(async () => { await server?.dispose() })

describe('session expiry', () => {
  it('closes the sockets of a session that expired while they were open with 4401, and only those', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const bea = await addMember('Bea Board', 'editor')
    const [expiring, staying] = [bea, owner].map((p) => connectDoc(server.url, documentId, p.cookie))
    await Promise.all([expiring.synced(), staying.synced()])

    // Bea's session was last used over 14 days ago, as if her tab had stayed open that long.
    const db = createClient({ url: `file:${server.dbPath}` })
    try {
      await db.execute({ sql: 'UPDATE sessions SET last_verified_at = 0 WHERE user_id = ?', args: [bea.userId] })
    } finally {
      db.close()
    }
    await waitFor(() => expiring.closes.some((c) => c.code === CloseCode.unauthenticated), { timeoutMs: 5_000, message: 'Bea signed out' })

    // Her HTTP requests are refused too; the owner's socket still carries edits.
    expect((await bea.get('/api/me')).status).toBe(401)
    staying.doc.getMap('probe').set('after', 1)
    const reader = connectDoc(server.url, documentId, owner.cookie)
    await reader.synced()
    await waitFor(() => reader.doc.getMap('probe').get('after') === 1)
    expect(staying.closes).toEqual([])
    for (const c of [expiring, staying, reader]) c.destroy()
  })
})
