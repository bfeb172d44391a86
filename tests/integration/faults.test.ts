// Faults: kill -9 during an edit storm, offline edits, restore during edits, a live backup, a database
// that refuses writes for a while.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../server/backup'
import { drizzle } from 'drizzle-orm/libsql'
import * as schema from '../../server/db/schema'
import { DocumentStore } from '../../server/storage/document-store'
import { addInitiative, readRoadmap } from '../../shared/documents/roadmap'
import { ApiClient, signUp, uniqueEmail, workspaceWithDocument } from '../helpers/api'
import { startServer, type TestServer } from '../helpers/server'
import { connectDoc, type SyncClient } from '../helpers/sync-client'
import { sleep, waitFor } from '../helpers/wait'

let server: TestServer
beforeAll(async () => { server = await startServer() })
afterAll(async () => { await server?.dispose() })

/** True if `a` holds everything `b` holds: every client's clock in b's state vector is covered by a's. */
function covers(a: Y.Doc, b: Y.Doc): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(a))
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(b))) if ((have.get(client) ?? 0) < clock) return false
  return true
}

describe('crash during an edit storm', () => {
  it('keeps every update any client had received after kill -9; clients reconnect by themselves and converge', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const clients: SyncClient[] = []
    const seen: Y.Doc[] = []
    for (let i = 0; i < 20; i++) {
      const c = connectDoc(server.url, documentId, owner.cookie)
      const received = new Y.Doc()
      // Record only what came from the server: those updates were relayed, so they must be durable.
      c.doc.on('update', (update: Uint8Array, origin: unknown) => { if (origin === c.provider) Y.applyUpdate(received, update) })
      clients.push(c)
      seen.push(received)
    }
    await Promise.all(clients.map((c) => c.synced()))
    let typing = true
    const storm = clients.map(async (c, i) => {
      let n = 0
      while (typing) {
        const t = c.doc.getText('t')
        t.insert(Math.floor(Math.random() * (t.length + 1)), `${i}.${n++} `)
        await sleep(5 + Math.random() * 15)
      }
    })
    await sleep(1500)
    const killed = server.kill('SIGKILL')
    await killed
    typing = false
    await Promise.all(storm)
    // Freeze what each client had received from the server at the moment of the crash.
    const frozen = seen.map((d) => { const copy = new Y.Doc(); Y.applyUpdate(copy, Y.encodeStateAsUpdate(d)); return copy })
    expect(frozen.some((d) => d.getText('t').length > 0)).toBe(true)
    // Clients keep editing offline while the server is down.
    clients.forEach((c, i) => c.doc.getText('t').insert(0, `offline${i} `))

    server = await server.restart()
    // A verifier that connects first sees every relayed update before any client could resend it.
    const verifier = connectDoc(server.url, documentId, owner.cookie, { connect: false })
    clients.forEach((c) => c.provider.disconnect())
    verifier.provider.connect()
    await verifier.synced()
    frozen.forEach((d, i) => expect(covers(verifier.doc, d), `client ${i}'s received updates survive`).toBe(true))

    clients.forEach((c) => c.provider.connect())
    const expected = () => verifier.doc.getText('t').toString()
    await waitFor(() => clients.every((c) => c.provider.synced && c.doc.getText('t').toString() === expected()) && clients.every((_c, i) => expected().includes(`offline${i} `)), { timeoutMs: 20_000 })
    clients.forEach((c) => c.destroy())
    verifier.destroy()
  })
})

describe('offline editing', () => {
  it('merges a client\'s offline edits on reconnect without losing anyone\'s', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url)
    const editor = await addMember('Off', 'editor')
    const a = connectDoc(server.url, documentId, owner.cookie)
    const b = connectDoc(server.url, documentId, editor.cookie)
    await Promise.all([a.synced(), b.synced()])
    a.doc.getText('t').insert(0, 'shared ')
    await waitFor(() => b.doc.getText('t').toString() === 'shared ')
    b.provider.disconnect()
    b.doc.getText('t').insert(7, 'offline-b ')
    a.doc.getText('t').insert(7, 'online-a ')
    // Marker: a fresh reader has a's edit, so the server has handled everything before it; b's stayed offline.
    const reader = connectDoc(server.url, documentId, owner.cookie)
    await waitFor(() => reader.doc.getText('t').toString().includes('online-a'))
    expect(reader.doc.getText('t').toString()).not.toContain('offline-b')
    expect(a.doc.getText('t').toString()).not.toContain('offline-b')
    reader.destroy()
    b.provider.connect()
    await waitFor(() => a.doc.getText('t').toString() === b.doc.getText('t').toString() && a.doc.getText('t').toString().includes('offline-b'))
    expect(a.doc.getText('t').toString()).toContain('online-a')
    a.destroy(); b.destroy()
  })
})

describe('restore while others edit', () => {
  it('keeps edits made after the restore and only ever increases version numbers', async () => {
    const { owner, documentId, addMember } = await workspaceWithDocument(server.url, 'roadmap')
    const editor = await addMember('Ed', 'editor')
    const a = connectDoc(server.url, documentId, owner.cookie)
    const b = connectDoc(server.url, documentId, editor.cookie)
    await Promise.all([a.synced(), b.synced()])
    const ws = readRoadmap(a.doc).windowStart!
    addInitiative(a.doc, { title: 'Baseline', startMonth: ws, endMonth: ws })
    await waitFor(() => readRoadmap(b.doc).initiatives.length === 1)
    expect((await owner.post(`/api/documents/${documentId}/versions`, { label: 'baseline' })).body.version.version).toBe(1)

    let editing = true
    let n = 0
    const busy = (async () => { while (editing) { addInitiative(b.doc, { title: `busy ${n++}`, startMonth: ws, endMonth: ws }); await sleep(20) } })()
    await sleep(200)
    const restore = await owner.post(`/api/documents/${documentId}/restore`, { version: 1 })
    expect(restore.status).toBe(200)
    // Wait until a sees the restore, then mark the edits that come after it.
    await waitFor(() => !readRoadmap(a.doc).initiatives.some((i) => i.title === 'busy 0'))
    const after = n
    await sleep(300)
    editing = false
    await busy
    const laterTitles = Array.from({ length: n - after - 1 }, (_, k) => `busy ${after + 1 + k}`)
    expect(laterTitles.length).toBeGreaterThan(3)
    await waitFor(() => laterTitles.every((t) => readRoadmap(a.doc).initiatives.some((i) => i.title === t)))
    expect(readRoadmap(a.doc).initiatives.some((i) => i.title === 'Baseline')).toBe(true)

    const second = await owner.post(`/api/documents/${documentId}/restore`, { version: 2 })
    const numbers = (await owner.get(`/api/documents/${documentId}/versions`)).body.versions.map((v: any) => v.version)
    expect(numbers).toEqual([3, 2, 1])
    expect(second.body.version.version).toBe(3)
    a.destroy(); b.destroy()
  })
})

describe('live backup', () => {
  it('VACUUM INTO during writes produces a copy that passes integrity_check', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const a = connectDoc(server.url, documentId, owner.cookie)
    await a.synced()
    let writing = true
    const writes = (async () => { while (writing) { a.doc.getText('t').insert(0, 'x'); await sleep(2) } })()
    await sleep(200)
    const target = join(mkdtempSync(join(tmpdir(), 'quorum-backup-')), 'copy.db')
    const result = await backupDatabase(`file:${server.dbPath}`, target)
    writing = false
    await writes
    expect(result.integrity).toBe('ok')
    const { createClient } = await import('@libsql/client')
    const copy = createClient({ url: `file:${target}` })
    const docs = await copy.execute({ sql: 'SELECT count(*) AS n FROM documents WHERE id = ?', args: [documentId] })
    expect(Number(docs.rows[0].n)).toBe(1)
    copy.close()
    a.destroy()
  })

  it('holds every edit the server had relayed', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const a = connectDoc(server.url, documentId, owner.cookie)
    const b = connectDoc(server.url, documentId, owner.cookie)
    await Promise.all([a.synced(), b.synced()])
    for (let i = 0; i < 20; i++) a.doc.getText('t').insert(0, `edit ${i}; `)
    const expected = a.doc.getText('t').toString()
    // b has it all: the server committed it (a relay follows the commit), so the database has it.
    await waitFor(() => b.doc.getText('t').toString() === expected)
    const target = join(mkdtempSync(join(tmpdir(), 'quorum-backup-')), 'copy.db')
    const result = await backupDatabase(`file:${server.dbPath}`, target)
    expect(result.integrity).toBe('ok')
    const { createClient } = await import('@libsql/client')
    const copy = createClient({ url: `file:${target}` })
    const stored = await new DocumentStore(drizzle(copy, { schema })).load(documentId)
    copy.close()
    const restored = new Y.Doc()
    if (stored.state) Y.applyUpdate(restored, stored.state)
    for (const u of stored.updates) Y.applyUpdate(restored, u.update)
    expect(restored.getText('t').toString()).toBe(expected)
    a.destroy()
    b.destroy()
  })
})

describe('a database that refuses writes for a while', () => {
  it('closes the writer with 4503 and relays nothing, answers HTTP writes 503; the process keeps running and the edit lands once the database is back', async () => {
    const { owner, documentId } = await workspaceWithDocument(server.url)
    const writer = connectDoc(server.url, documentId, owner.cookie)
    const watcher = connectDoc(server.url, documentId, owner.cookie)
    await Promise.all([writer.synced(), watcher.synced()])
    // Another process holds the write lock past the server's retry limit (5 s).
    const { createClient } = await import('@libsql/client')
    const other = createClient({ url: `file:${server.dbPath}` })
    const lock = await other.transaction('write')
    writer.doc.getText('t').insert(0, 'typed while the database was locked')
    await waitFor(() => writer.closes.some((c) => c.code === 4503), { timeoutMs: 20_000, message: 'writer closed with 4503' })
    expect(watcher.doc.getText('t').toString()).toBe('')
    // An HTTP write meanwhile answers 503 (nothing written, try again), not a misleading 409 or a 500.
    // Soon: the main connection waits 0.5 s for the lock (synchronously, holding every room), not 5 s.
    const askedAt = performance.now()
    const signup = await new ApiClient(server.url).post('/api/auth/signup', { name: 'During Lock', email: uniqueEmail('lock'), password: 'correct horse battery' })
    expect(signup.status).toBe(503)
    expect(performance.now() - askedAt).toBeLessThan(2500)
    expect(signup.headers.get('retry-after')).toBe('2')
    await lock.rollback()
    other.close()
    // The writer reconnects by itself and resends what the server lacks.
    await waitFor(() => watcher.doc.getText('t').toString() === 'typed while the database was locked', { timeoutMs: 20_000 })
    expect(server.proc.exitCode).toBeNull()
    expect(server.output()).toContain('commit failed')
    expect(server.output()).not.toContain('unhandled rejection')
    expect((await signUp(server.url, 'After Lock')).userId).toBeTruthy()
    writer.destroy()
    watcher.destroy()
  }, 60_000)
})
