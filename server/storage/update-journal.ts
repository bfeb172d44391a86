// The commit point of an edit on an embedded database: an append-only file beside it. A commit is
// one write() of checksummed records (journal-records.ts) instead of an SQLite transaction (two
// WAL pages, four writes and six lock calls: ~0.17 ms at meeting load, in front of every relay).
// The rows are moved into the update log in batches, off the relay path, by DocumentStore; a
// crash between the two is repaired at the next start by replaying the journal (idempotent).
//
// Files: `<db>-updates.<n>`, one segment written at a time. A segment is sealed once every row in
// it has been moved into SQLite, and deleted once the WAL that holds them has reached the disk.
// Durability is the WAL's: a write() survives a crash of the process at once and a power loss once
// the flush cycle's fdatasync of the open segment has run (every DB_FLUSH_INTERVAL_MS): on the
// storage thread once the journal is handed over to it (handOver), else through WalFlusher.
import { closeSync, fdatasync, openSync, readdirSync, readFileSync, unlink, writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { decodeRecords, RecordEncoder, type JournalRow } from './journal-records'
import type { LogAppend } from './document-store'
import type { SegmentWatcher } from './storage-thread'

/** A segment is sealed (after a transfer leaves nothing pending) once it is this old or this big. */
export interface SealPolicy { afterMs: number; afterBytes: number }
const DEFAULT_SEAL: SealPolicy = { afterMs: 1000, afterBytes: 8 * 1024 * 1024 }

interface Segment {
  number: number; path: string; fd: number; openedAt: number
  /** Bytes written, and how many of them an fdatasync has covered. */
  bytes: number; syncedBytes: number
  /** Whether the directory entry of this new file has been synced. */
  named: boolean
}

export function segmentPaths(dbFilePath: string): { number: number; path: string }[] {
  const dir = dirname(dbFilePath)
  const prefix = `${basename(dbFilePath)}-updates.`
  let names: string[]
  try { names = readdirSync(dir) } catch { return [] }
  return names
    .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
    .map((n) => ({ number: Number(n.slice(prefix.length)), path: join(dir, n) }))
    .sort((a, b) => a.number - b.number)
}

/** Every readable row of the journal left by an earlier run, oldest first. */
export function readJournal(dbFilePath: string): { rows: JournalRow[]; paths: string[] } {
  const rows: JournalRow[] = []
  const segments = segmentPaths(dbFilePath)
  for (const s of segments) rows.push(...decodeRecords(readFileSync(s.path)).rows)
  return { rows, paths: segments.map((s) => s.path) }
}

export class UpdateJournal {
  private segment: Segment
  /** Rows written but not yet moved into SQLite, in commit order. */
  private pending: JournalRow[] = []
  /** Sealed segments, each waiting for a WAL flush that started after it was sealed. */
  private sealed: { path: string; seal: number }[] = []
  private seals = 0
  private syncing = false
  private encoder = new RecordEncoder()
  /** Set while the storage thread syncs and deletes the segments (see handOver). */
  private watcher: SegmentWatcher | null = null
  readonly stats = { writes: 0, rows: 0, sealed: 0, deleted: 0 }

  /** Starts a new segment after any a previous run left (those are the caller's to replay and delete). */
  constructor(
    private dbFilePath: string,
    private onError: (err: Error) => void = () => {},
    private sealPolicy: SealPolicy = DEFAULT_SEAL,
  ) {
    const last = segmentPaths(dbFilePath).at(-1)?.number ?? 0
    this.segment = this.openSegment(last + 1)
  }

  /**
   * Appends the rows with one write. Throws if they are not all written; then none of them count,
   * and the next write goes to the same offset (writes are positional), over any partial record.
   */
  write(rows: readonly LogAppend[], createdAt: number): void {
    const bytes = this.encoder.encode(rows, createdAt)
    const s = this.segment
    let done = 0
    while (done < bytes.length) done += writeSync(s.fd, bytes, done, bytes.length - done, s.bytes + done)
    s.bytes += bytes.length
    for (const r of rows) this.pending.push({ ...r, createdAt })
    this.stats.writes++
    this.stats.rows += rows.length
  }

  get pendingCount(): number {
    return this.pending.length
  }

  /** A copy of the rows not yet in SQLite. */
  pendingRows(): JournalRow[] {
    return this.pending.slice()
  }

  /**
   * From now on `watcher` (the storage thread's flush cycle) syncs the open segment and deletes the
   * sealed ones; `sync` and `walFlushed` are then not used.
   */
  handOver(watcher: SegmentWatcher): void {
    this.watcher = watcher
    watcher.segmentOpened(this.segment.path)
  }

  /**
   * The watcher is gone: sync and delete here again (through WalFlusher). Segments it had not deleted
   * yet stay on disk; the next start replays them (idempotent) and deletes them.
   */
  takeBack(): void {
    this.watcher = null
  }

  /** The first `count` pending rows are in SQLite now. The segment may be sealed if nothing is left. */
  transferred(count: number): void {
    this.pending.splice(0, count)
    if (this.pending.length > 0 || this.syncing) return
    const s = this.segment
    if (s.bytes === 0) return
    if (s.bytes < this.sealPolicy.afterBytes && performance.now() - s.openedAt < this.sealPolicy.afterMs) return
    this.segment = this.openSegment(s.number + 1)
    closeSync(s.fd)
    this.stats.sealed++
    if (this.watcher) this.watcher.segmentOpened(this.segment.path)
    else this.sealed.push({ path: s.path, seal: ++this.seals })
  }

  /** For the flusher: a mark taken before it flushes, handed back to `walFlushed` after. */
  sealMark(): number {
    return this.seals
  }

  /**
   * fdatasync of the open segment (off the event loop), if it was written since its last sync; the
   * first time also of its directory, so that the new name survives a power loss too. The segment
   * is not sealed (closed) while this runs.
   */
  async sync(): Promise<void> {
    const s = this.segment
    const bytes = s.bytes
    if (bytes === s.syncedBytes || this.syncing) return
    this.syncing = true
    try {
      if (!s.named) {
        const dir = await open(dirname(s.path), 'r')
        try { await dir.sync() } finally { await dir.close() }
        s.named = true
      }
      await new Promise<void>((resolve, reject) => fdatasync(s.fd, (err) => (err ? reject(err) : resolve())))
      s.syncedBytes = bytes
    } finally {
      this.syncing = false
    }
  }

  /** The WAL reached the disk after `mark` was taken: segments sealed by then are no longer needed. */
  walFlushed(mark: number): void {
    const done = this.sealed.filter((s) => s.seal <= mark)
    this.sealed = this.sealed.filter((s) => s.seal > mark)
    for (const s of done) {
      unlink(s.path, (err) => {
        if (err) this.onError(err)
        else this.stats.deleted++
      })
    }
  }

  close(): void {
    closeSync(this.segment.fd)
  }

  private openSegment(number: number): Segment {
    const path = `${this.dbFilePath}-updates.${number}`
    const fd = openSync(path, 'wx')
    return { number, path, fd, openedAt: performance.now(), bytes: 0, syncedBytes: 0, named: false }
  }
}
