import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { readdirSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import WS from 'ws'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode, READ_ONLY_DENIAL } from '../../shared/close-codes'
import * as schema from '../../server/db/schema'
import { DocumentStore } from '../../server/storage/document-store'
import { signUp, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { sleep, waitFor } from '../helpers/wait'

let server: TestServer
const clients: SyncClient[] = []
const open = (...args: Parameters<typeof connectDoc>) => {
  const c = connectDoc(...args)
  clients.push(c)
  return c
}
beforeAll(async () => { server = await startServer({ tuning: { compactThreshold: 40, unloadAfterMs: 200 } }) })
afterEach(() => { while (clients.length) clients.pop()!.destroy() })
afterAll(async () => { await server?.dispose() })

/** Status code of a refused upgrade (the server answers HTTP, no socket is created). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WS(url, { headers })
    ws.on('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate() })
    ws.on('open', () => { ws.close(); reject(new Error('upgrade was accepted')) })
    ws.on('error', () => {})
  })
}

async function storedLogRows(documentId: string): Promise<number> {
  const db = createClient({ url: `file:${server.dbPath}` })
  try {
    const res = await db.execute({ sql: 'SELECT count(*) AS n FROM document_updates WHERE document_id = ?', args: [documentId] })
    return Number(res.rows[0].n)
  } finally {
    db.close()
  }
}

describe('live co-editing over y-websocket', () => {
  it('two stock WebsocketProvider clients converge on the same text', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const editor = await addMember('Eddie', 'editor')
    const a = open(server.url, documentId, owner.cookie)
    const b = open(server.url, documentId, editor.cookie)
    await Promise.all([a.synced(), b.synced()])
    a.doc.getText('t').insert(0, 'Hello')
    await waitFor(() => b.doc.getText('t').toString() === 'Hello')
    b.doc.getText('t').insert(5, ', board')
    a.doc.getText('t').insert(0, '>> ')
    await waitFor(() => a.doc.getText('t').toString() === b.doc.getText('t').toString() && a.doc.getText('t').length === 15)
    expect(a.doc.getText('t').toString()).toBe('>> Hello, board')
  })

  it('relays awareness with the authenticated identity, not the claimed one', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const editor = await addMember('Eddie', 'editor')
    const a = open(server.url, documentId, owner.cookie)
    const b = open(server.url, documentId, editor.cookie)
    await Promise.all([a.synced(), b.synced()])
    const seenOfB: unknown[] = []
    a.provider.awareness.on('change', () => { const s = a.provider.awareness.getStates().get(b.doc.clientID); if (s) seenOfB.push(s) })
    a.provider.awareness.setLocalStateField('user', { name: 'Olivia Owner', color: '#000' })
    b.provider.awareness.setLocalStateField('user', { id: owner.userId, name: 'Olivia Owner (fake)', color: '#f00' })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.id === owner.userId)
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.user).toMatchObject({ id: owner.userId, name: 'Olivia Owner', role: 'owner' })
    // b's next, honest state goes out after the claim on the same socket: once a has it, the claim was handled.
    b.provider.awareness.setLocalState({ user: { name: 'Eddie', color: '#0f0' }, marker: true })
    await waitFor(() => a.provider.awareness.getStates().get(b.doc.clientID)?.marker === true)
    // b claimed to be the owner: dropped, so a never saw that state.
    expect(seenOfB.length).toBeGreaterThan(0)
    expect(seenOfB.every((s) => (s as { user: { id: string } }).user.id === editor.userId)).toBe(true)
  })

  it('drops a viewer\'s updates: never relayed, never stored, viewer stays connected and told why', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const viewer = await addMember('Vera', 'viewer')
    const a = open(server.url, documentId, owner.cookie)
    const v = open(server.url, documentId, viewer.cookie)
    await Promise.all([a.synced(), v.synced()])
    a.doc.getText('t').insert(0, 'official')
    await waitFor(() => v.doc.getText('t').toString() === 'official')
    const stateVectorBefore = Y.encodeStateVector(a.doc)
    const rowsBefore = await storedLogRows(documentId)

    v.doc.getText('t').insert(0, 'EVIL ')
    await waitFor(() => v.denials.length > 0)
    expect(v.denials[0]).toBe(READ_ONLY_DENIAL)
    expect(Y.encodeStateVector(a.doc)).toEqual(stateVectorBefore)
    // A later edit as the marker: commits go in arrival order, so once v has it, the viewer's
    // update would have been stored (and relayed to a) before it, had it been accepted.
    a.doc.getText('t').insert(8, '!')
    await waitFor(() => v.doc.getText('t').toString().endsWith('official!'))
    expect(await storedLogRows(documentId)).toBe(rowsBefore + 1)
    expect(a.doc.getText('t').toString()).toBe('official!')
    // Still connected, still receiving: no reconnect loop.
    expect(v.closes).toEqual([])
    // A fresh reader sees only the official text.
    const fresh = open(server.url, documentId, owner.cookie)
    await fresh.synced()
    expect(fresh.doc.getText('t').toString()).toBe('official!')
  })

  it('refuses upgrades without a session, from a foreign Origin, from non-members and for unknown documents', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const outsider = await signUp(server.url, 'Outsider')
    const url = `${server.url.replace('http', 'ws')}/api/sync/${documentId}`
    expect(await upgradeStatus(url, { origin: server.origin })).toBe(401)
    expect(await upgradeStatus(url, { origin: server.origin, cookie: 'quorum_session=forged.token' })).toBe(401)
    expect(await upgradeStatus(url, { origin: 'https://evil.example', cookie: owner.cookie })).toBe(403)
    expect(await upgradeStatus(url, { cookie: owner.cookie })).toBe(403)
    expect(await upgradeStatus(url, { origin: server.origin, cookie: outsider.cookie })).toBe(403)
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/api/sync/nosuchdoc`, { origin: server.origin, cookie: owner.cookie })).toBe(404)
  })

  it('closes the connection of a member who is downgraded while connected; their next update is refused', async () => {
    const { owner, workspaceId, documentId, addMember } = await workspaceWithDocument(server.url)
    const editor = await addMember('Eddie', 'editor')
    const a = open(server.url, documentId, owner.cookie)
    const e = open(server.url, documentId, editor.cookie)
    await Promise.all([a.synced(), e.synced()])
    expect((await owner.patch(`/api/workspaces/${workspaceId}/members/${editor.userId}`, { role: 'viewer' })).status).toBe(200)
    await waitFor(() => e.closes.some((c) => c.code === CloseCode.accessChanged))
    // The provider reconnects by itself, now as a viewer.
    await waitFor(() => e.provider.wsconnected && e.provider.synced)
    e.doc.getText('t').insert(0, 'after downgrade')
    await waitFor(() => e.denials.length > 0)
    a.doc.getText('t').insert(0, 'marker')
    await waitFor(() => e.doc.getText('t').toString().includes('marker'))
    expect(a.doc.getText('t').toString()).toBe('marker')
    expect(await storedLogRows(documentId)).toBe(1)
  })

  it('compacts the log in the background and keeps the content identical', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const a = open(server.url, documentId, owner.cookie)
    await a.synced()
    const text = a.doc.getText('t')
    for (let i = 0; i < 120; i++) {
      text.insert(Math.floor(text.length / 2), `w${i} `)
      if (i % 10 === 0) await sleep(5)
    }
    const expected = text.toString()
    await waitFor(async () => (await storedLogRows(documentId)) < 40, { message: 'log compacted' })
    // What the database holds (state + remaining log) is the whole document.
    const db = createClient({ url: `file:${server.dbPath}` })
    const stored = await new DocumentStore(drizzle(db, { schema })).load(documentId)
    db.close()
    const loaded = new Y.Doc()
    if (stored.state) Y.applyUpdate(loaded, stored.state)
    for (const u of stored.updates) Y.applyUpdate(loaded, u.update)
    expect(loaded.getText('t').toString()).toBe(expected)
  })
})

describe('durability', () => {
  it('keeps every edit another client has seen after kill -9 and a restart', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const editor = await addMember('Eddie', 'editor')
    const a = open(server.url, documentId, owner.cookie)
    const b = open(server.url, documentId, editor.cookie)
    await Promise.all([a.synced(), b.synced()])
    const text = a.doc.getText('t')
    for (let i = 0; i < 200; i++) text.insert(text.length, `${i},`)
    await waitFor(() => b.doc.getText('t').length === text.length)
    const seenByB = b.doc.getText('t').toString()

    expect(await server.kill('SIGKILL')).toBe(null)
    a.destroy(); b.destroy()
    server = await server.restart()

    const fresh = open(server.url, documentId, owner.cookie)
    await fresh.synced()
    expect(fresh.doc.getText('t').toString()).toBe(seenByB)
  })

  it('has an edit in the database before any other client receives it, and writes no file but the database, its -wal and -shm', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const a = open(server.url, documentId, owner.cookie)
    const b = open(server.url, documentId, owner.cookie)
    await Promise.all([a.synced(), b.synced()])
    for (let i = 0; i < 20; i++) a.doc.getText('t').insert(0, `edit ${i} `)
    await waitFor(() => b.doc.getText('t').toString() === a.doc.getText('t').toString())
    // No waiting here: relayed means committed, and the database is the only place it is kept.
    expect(await storedLogRows(documentId)).toBe(20)
    const beside = readdirSync(dirname(server.dbPath)).sort()
    const db = basename(server.dbPath)
    expect(beside.every((name) => [db, `${db}-wal`, `${db}-shm`].includes(name)), beside.join(', ')).toBe(true)
  })

  it('on SIGTERM stores the updates it has received but not yet committed, then exits cleanly', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const a = open(server.url, documentId, owner.cookie)
    const b = open(server.url, documentId, owner.cookie)
    await Promise.all([a.synced(), b.synced()])
    // Hold the database's write lock: the server's commits wait for it (retrying, the event loop free).
    const lock = createClient({ url: `file:${server.dbPath}` })
    const tx = await lock.transaction('write')
    a.doc.getText('t').insert(0, 'said just before shutdown')
    // a's awareness goes out after its edit on the same socket: once b has it, the server has read the edit.
    a.provider.awareness.setLocalStateField('marker', 'after the edit')
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.marker === 'after the edit')
    expect(b.doc.getText('t').toString()).toBe('') // received, not committed, so not relayed
    const exited = server.kill('SIGTERM')
    // The shutdown is under way (sockets closed) while the commit is still pending behind the lock.
    await waitFor(() => a.closes.some((c) => c.code === CloseCode.goingAway))
    expect(await storedLogRows(documentId)).toBe(0)
    await tx.rollback()
    tx.close()
    lock.close()
    expect(await exited).toBe(0)
    expect(await storedLogRows(documentId)).toBe(1)
    server = await server.restart()
    const fresh = open(server.url, documentId, owner.cookie)
    await fresh.synced()
    expect(fresh.doc.getText('t').toString()).toBe('said just before shutdown')
  })
})
