// The update journal: records that survive being cut anywhere, a store that reads journal and log
// as one, the replay after a crash (idempotent, skipping what compaction merged), and segments
// deleted only after the WAL holding their rows was flushed.
import { existsSync, readFileSync, truncateSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { DocumentStore } from '../../../server/storage/document-store'
import { decodeRecords, encodeRecords, RecordEncoder } from '../../../server/storage/journal-records'
import { LogAppender } from '../../../server/storage/log-appender'
import { readJournal, segmentPaths, UpdateJournal } from '../../../server/storage/update-journal'
import { StorageThread } from '../../../server/storage/storage-thread'
import { tempDatabase } from '../../helpers/temp-db'
import { sleep, waitFor } from '../../helpers/wait'

const bytes = (...b: number[]) => new Uint8Array(b)
const rowsOf = (documentId: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ documentId, seq: from + i, update: bytes(from + i, 7, 7) }))

async function setup(opts: { sealAfterMs?: number } = {}) {
  const database = await tempDatabase()
  const { client, filePath } = database
  await client.execute({ sql: 'INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)', args: ['w1', 'W', 0] })
  for (const id of ['d1', 'd2']) {
    await client.execute({
      sql: 'INSERT INTO documents (id, workspace_id, kind, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      args: [id, 'w1', 'notes', id, 0, 0],
    })
  }
  const open = (offThread: StorageThread | null = null) => {
    const appender = new LogAppender(filePath!, { synchronous: 'NORMAL', autoCheckpoint: true })
    const store = new DocumentStore(client, () => 42, { appender })
    const recovered = store.recoverJournal(filePath!)
    const journal = new UpdateJournal(filePath!, () => {}, { afterMs: opts.sealAfterMs ?? 60_000, afterBytes: 1 << 30 })
    store.useJournal(journal, offThread)
    return { appender, store, journal, recovered }
  }
  /** With the flush cycle on a storage thread (every 20 ms) and the journal handed over to it. */
  const openOnThread = () => {
    const thread = new StorageThread(filePath!, 60_000, undefined, undefined, 'NORMAL', { walPath: `${filePath}-wal`, intervalMs: 20 })
    thread.start()
    const opened = open(thread)
    opened.journal.handOver(thread)
    const close = async () => { await thread.stop(); opened.store.close(); database.dispose() }
    return { ...opened, thread, close }
  }
  const logRows = async (documentId: string) =>
    (await client.execute({ sql: 'SELECT seq FROM document_updates WHERE document_id = ? ORDER BY seq', args: [documentId] })).rows.map((r) => Number(r.seq))
  return { database, filePath: filePath!, open, openOnThread, logRows }
}

describe('journal records', () => {
  const rows = [
    { documentId: 'd1', seq: 1, update: bytes(1, 2, 3) },
    { documentId: 'dœ-ünïcode', seq: 2 ** 40, update: new Uint8Array(5000).fill(9) },
    { documentId: 'd1', seq: 3, update: bytes() },
  ]

  it('round-trips rows, with the commit time', () => {
    const { rows: back, validBytes } = decodeRecords(encodeRecords(rows, 1234))
    expect(back).toEqual(rows.map((r) => ({ ...r, createdAt: 1234 })))
    expect(validBytes).toBe(encodeRecords(rows, 1234).length)
  })

  it('encodes with a reused buffer that grows: every call reads back exactly, with checksums zlib agrees with', () => {
    const encoder = new RecordEncoder()
    const big = [{ documentId: 'd2', seq: 7, update: new Uint8Array(100_000).map((_, i) => i % 251) }]
    for (const batch of [rows, big, rows.slice(2), big, rows]) {
      const encoded = Buffer.from(encoder.encode(batch, 99)) // a copy: the encoder's view is reused by the next call
      const { rows: back, validBytes } = decodeRecords(encoded)
      expect(back).toEqual(batch.map((r) => ({ ...r, createdAt: 99 })))
      expect(validBytes).toBe(encoded.length)
      expect(encoded.equals(encodeRecords(batch, 99))).toBe(true)
    }
  })

  it('reads up to the last whole record wherever the bytes are cut, and stops at a flipped bit or zeros', () => {
    const encoded = encodeRecords(rows, 1)
    const firstEnd = encodeRecords(rows.slice(0, 1), 1).length
    const twoEnd = encodeRecords(rows.slice(0, 2), 1).length
    for (let cut = 0; cut < encoded.length; cut += 97) {
      const expected = cut >= twoEnd ? 2 : cut >= firstEnd ? 1 : 0
      expect(decodeRecords(encoded.subarray(0, cut)).rows.length).toBe(expected)
    }
    const flipped = Buffer.from(encoded)
    flipped[firstEnd + 20] ^= 0x10
    expect(decodeRecords(flipped).rows.length).toBe(1)
    expect(decodeRecords(Buffer.concat([encodeRecords(rows.slice(0, 1), 1), Buffer.alloc(4096)])).rows.length).toBe(1)
  })
})

describe('update journal', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => { for (const c of cleanups.splice(0)) c() })

  it('serves journaled rows to load before they reach the log, then moves them in one batch', async () => {
    const t = await setup()
    const { store } = t.open()
    cleanups.push(() => { store.close(); t.database.dispose() })
    await store.append(rowsOf('d1', 1, 3))
    await store.append(rowsOf('d2', 1, 1))
    expect(await t.logRows('d1')).toEqual([])
    expect((await store.load('d1')).updates.map((u) => u.seq)).toEqual([1, 2, 3])
    expect((await store.load('d1')).maxSeq).toBe(3)
    store.transferJournal()
    expect(await t.logRows('d1')).toEqual([1, 2, 3])
    expect(await t.logRows('d2')).toEqual([1])
    const loaded = await store.load('d1')
    expect(loaded.updates.map((u) => [u.seq, [...u.update]])).toEqual([[1, [1, 7, 7]], [2, [2, 7, 7]], [3, [3, 7, 7]]])
    expect(store.journalStats()).toMatchObject({ pendingRows: 0, transfers: { transfers: 1, rows: 4 } })
  })

  it('moves rows into the log by itself within a fraction of a second', async () => {
    const t = await setup()
    const { store } = t.open()
    cleanups.push(() => { store.close(); t.database.dispose() })
    await store.append(rowsOf('d1', 1, 2))
    const deadline = Date.now() + 2000
    while ((await t.logRows('d1')).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    expect(await t.logRows('d1')).toEqual([1, 2])
  })

  it('replays what a crashed run left, once, without rows compaction merged or of unknown documents', async () => {
    const t = await setup()
    const first = t.open()
    await first.store.append(rowsOf('d1', 1, 4))
    first.store.transferJournal() // 1..4 in the log, and still in the segment
    await first.store.append([...rowsOf('d1', 5, 6), { documentId: 'gone', seq: 1, update: bytes(1) }])
    await first.store.compact('d1', bytes(0, 0), 5) // merges 1..5; row 5 is still only in the journal
    // Crash: no transfer, no close of the store.
    first.journal.close()
    first.appender.close()

    const second = t.open()
    cleanups.push(() => { second.store.close(); t.database.dispose() })
    expect(second.recovered).toBe(7)
    expect(await t.logRows('d1')).toEqual([6])
    expect(await t.logRows('gone')).toEqual([])
    expect(segmentPaths(t.filePath).length).toBe(1) // only the new run's segment
    const loaded = await second.store.load('d1')
    expect(loaded.maxSeq).toBe(6)
    expect(loaded.updates.map((u) => u.seq)).toEqual([6])
  })

  it('replays a segment torn mid-record up to its last whole record', async () => {
    const t = await setup()
    const first = t.open()
    await first.store.append(rowsOf('d1', 1, 1))
    await first.store.append(rowsOf('d1', 2, 2))
    first.journal.close()
    first.appender.close()
    const [segment] = segmentPaths(t.filePath)
    truncateSync(segment.path, readFileSync(segment.path).length - 3)
    const second = t.open()
    cleanups.push(() => { second.store.close(); t.database.dispose() })
    expect(second.recovered).toBe(1)
    expect(await t.logRows('d1')).toEqual([1])
  })

  it('seals a segment once its rows are in the log and deletes it only after the next WAL flush', async () => {
    const t = await setup({ sealAfterMs: 0 })
    const { store, journal } = t.open()
    cleanups.push(() => { store.close(); t.database.dispose() })
    await store.append(rowsOf('d1', 1, 2))
    const [firstSegment] = segmentPaths(t.filePath)
    const mark = journal.sealMark()
    store.transferJournal()
    expect(segmentPaths(t.filePath).length).toBe(2)
    journal.walFlushed(mark) // that flush started before the seal: the segment must stay
    await new Promise((r) => setTimeout(r, 50))
    expect(existsSync(firstSegment.path)).toBe(true)
    journal.walFlushed(journal.sealMark())
    await new Promise((r) => setTimeout(r, 50))
    expect(existsSync(firstSegment.path)).toBe(false)
    expect(journal.stats.deleted).toBe(1)
  })

  it('seals a segment under steady load, with rows still pending, and deletes it once they are in the log', async () => {
    const t = await setup({ sealAfterMs: 0 })
    const { store, journal } = t.open()
    cleanups.push(() => { store.close(); t.database.dispose() })
    // A transfer on the storage thread ends with newer rows already written: some row is always pending.
    journal.write(rowsOf('d1', 1, 2), 42)
    journal.write(rowsOf('d1', 3, 3), 42)
    journal.transferred(2)
    const [first, second] = segmentPaths(t.filePath)
    expect(second).toBeDefined() // sealed although row 3 is not in the log yet
    journal.write(rowsOf('d1', 4, 4), 42)
    expect(readJournal(t.filePath).rows.map((r) => r.seq)).toEqual([1, 2, 3, 4])
    expect(decodeRecords(readFileSync(second.path)).rows.map((r) => r.seq)).toEqual([4]) // new rows go to the new segment
    journal.walFlushed(journal.sealMark())
    await new Promise((r) => setTimeout(r, 50))
    expect(existsSync(first.path)).toBe(true) // row 3 lives only here until it is moved
    journal.transferred(1) // row 3: the first segment is done (the second is sealed, row 4 pending)
    const mark = journal.sealMark()
    journal.walFlushed(mark)
    await new Promise((r) => setTimeout(r, 50))
    expect(existsSync(first.path)).toBe(false)
    expect(existsSync(second.path)).toBe(true)
    expect(journal.stats).toMatchObject({ sealed: 2, deleted: 1 })
  })

  it('syncs a sealed segment that still holds pending rows, on the event loop and on the storage thread', async () => {
    const t = await setup({ sealAfterMs: 0 })
    const { store, journal } = t.open()
    cleanups.push(() => { store.close(); t.database.dispose() })
    journal.write(rowsOf('d1', 1, 3), 42)
    journal.transferred(2) // sealed before any sync, with row 3 pending: the power-loss bound covers it too
    await journal.sync()
    expect(journal.stats.syncs).toBe(1) // the sealed segment (the new one is still empty)
    await journal.sync()
    expect(journal.stats.syncs).toBe(1) // nothing written since

    const u = await setup({ sealAfterMs: 0 })
    const other = u.openOnThread()
    cleanups.push(other.close)
    const flushStats = () => other.thread.flushStats!
    other.journal.write(rowsOf('d1', 1, 3), 42)
    other.journal.transferred(2)
    const [first] = segmentPaths(u.filePath)
    await waitFor(() => flushStats().journalSyncs >= 1, { timeoutMs: 3000 })
    expect(flushStats().journalSyncs).toBe(1)
    await sleep(100) // several cycles: row 3 is not in the log, so the segment stays
    expect(existsSync(first.path)).toBe(true)
    expect(flushStats().segmentsDeleted).toBe(0)
    other.journal.transferred(1)
    await waitFor(() => flushStats().segmentsDeleted === 1, { timeoutMs: 3000 })
    expect(existsSync(first.path)).toBe(false)
  })

  it('on the storage thread: syncs the open segment and the WAL, deletes a sealed segment after a WAL sync, idles when idle', async () => {
    const t = await setup({ sealAfterMs: 0 })
    const { store, journal, thread, close } = t.openOnThread()
    cleanups.push(close)
    const stats = () => thread.flushStats!
    const until = (check: () => boolean) => waitFor(check, { timeoutMs: 3000, intervalMs: 5 })
    await store.append(rowsOf('d1', 1, 2))
    await until(() => stats().journalSyncs === 1) // the open segment, written once: synced once
    const [firstSegment] = segmentPaths(t.filePath)
    const flushesBeforeSeal = stats().flushes
    store.transferJournal() // on the thread; its answer seals the segment and opens the next
    await until(() => stats().segmentsDeleted === 1)
    expect(existsSync(firstSegment.path)).toBe(false)
    expect(stats().flushes).toBeGreaterThan(flushesBeforeSeal) // the deleting cycle synced the WAL first
    expect(journal.stats.deleted).toBe(0) // the journal's own bookkeeping was not used
    expect(await t.logRows('d1')).toEqual([1, 2])
    journal.write(rowsOf('d1', 3, 3), 42) // straight to the journal: no transfer is scheduled to disturb the idle check
    await until(() => stats().journalSyncs === 2) // the new segment
    const idle = { ...stats() }
    await new Promise((r) => setTimeout(r, 150)) // ~7 cycles with nothing written
    expect(stats()).toEqual(idle)
    expect(idle.failures).toBe(0)
  })

  it('syncs and deletes its segments itself again once the thread it handed them to is gone', async () => {
    const t = await setup({ sealAfterMs: 0 })
    const { store, journal } = t.open()
    cleanups.push(() => { store.close(); t.database.dispose() })
    const opened: string[] = []
    const done: string[] = []
    journal.handOver({ segmentOpened: (path) => opened.push(path), segmentDone: (path) => done.push(path) })
    expect(opened).toEqual([segmentPaths(t.filePath)[0].path]) // told of the open segment at once
    await store.append(rowsOf('d1', 1, 1))
    store.transferJournal()
    expect(opened).toHaveLength(2) // sealed: the watcher is told of the next one
    expect(done).toEqual([opened[0]]) // and that the sealed one is all in the log
    journal.walFlushed(journal.sealMark()) // not ours to delete while handed over
    await new Promise((r) => setTimeout(r, 50))
    expect(segmentPaths(t.filePath)).toHaveLength(2)
    journal.takeBack()
    await store.append(rowsOf('d1', 2, 2))
    store.transferJournal()
    expect(opened).toHaveLength(2)
    journal.walFlushed(journal.sealMark())
    await new Promise((r) => setTimeout(r, 50))
    // The segment sealed after the take-back is deleted; the one the watcher held stays for the next start's replay.
    expect(segmentPaths(t.filePath).map((s) => s.path)).toEqual([opened[0], opened[1].replace(/\d+$/, (n) => String(Number(n) + 1))])
    expect(journal.stats.deleted).toBe(1)
  })

  it('moves rows on the storage thread while it runs, and on the event loop once it is gone', async () => {
    const t = await setup()
    const thread = new StorageThread(t.filePath, 60_000)
    thread.start()
    const { store } = t.open(thread)
    cleanups.push(() => { store.close(); t.database.dispose() })
    // Row 3 is a view into a bigger buffer, as updates cut from a socket's read buffer are.
    const socketBuffer = new Uint8Array(65_536).fill(5)
    socketBuffer.set([3, 7, 7], 1000)
    await store.append([...rowsOf('d1', 1, 2), { documentId: 'd1', seq: 3, update: socketBuffer.subarray(1000, 1003) }])
    store.transferJournal()
    // The thread commits them; this thread only learns of it when the thread answers.
    expect(store.journalStats()).toMatchObject({ pendingRows: 3 })
    const until = async (check: () => boolean | Promise<boolean>) => {
      const deadline = Date.now() + 3000
      while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
    }
    await until(() => (store.journalStats() as { pendingRows: number }).pendingRows === 0)
    expect(await t.logRows('d1')).toEqual([1, 2, 3])
    expect([...(await store.load('d1')).updates[2].update]).toEqual([3, 7, 7])
    await thread.stop()
    expect(thread.running).toBe(false)
    await store.append(rowsOf('d1', 4, 4))
    store.transferJournal()
    expect(await t.logRows('d1')).toEqual([1, 2, 3, 4])
    expect(store.journalStats()).toMatchObject({ pendingRows: 0, transfers: { transfers: 2, rows: 4, failures: 0 } })
  })
})

describe('one server per database file', () => {
  it('refuses a second store while a live process holds the lock, and takes over a dead one', async () => {
    const { lockDatabase } = await import('../../../server/storage/journal-lock')
    const { spawn } = await import('node:child_process')
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const db = join(mkdtempSync(join(tmpdir(), 'quorum-lock-')), 'q.db')
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      writeFileSync(`${db}-updates.lock`, String(other.pid))
      expect(() => lockDatabase(db)).toThrow(`another Quorum server (pid ${other.pid}) is using ${db}`)
    } finally {
      other.kill('SIGKILL')
      await new Promise((r) => other.once('exit', r))
    }
    // The holder is gone (as after kill -9): the lock is taken over, and released for the next.
    const release = lockDatabase(db)
    expect(readFileSync(`${db}-updates.lock`, 'utf8')).toBe(String(process.pid))
    release()
    expect(existsSync(`${db}-updates.lock`)).toBe(false)
  })
})
