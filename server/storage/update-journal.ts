// The commit point of an edit on an embedded database: an append-only file beside it. A commit is
// one write() of checksummed records (journal-records.ts) instead of an SQLite transaction (two
// WAL pages, four writes and six lock calls: ~0.17 ms at meeting load, in front of every relay).
// The rows are moved into the update log in batches, off the relay path, by DocumentStore; a
// crash between the two is repaired at the next start by replaying the journal (idempotent).
//
// Files: `<db>-updates.<n>`, one segment written at a time. A segment is sealed (no more writes) once
// it is old or big enough, whether or not all its rows are in SQLite yet: under steady load some row
// is always pending, and a segment sealed only when none were grew without bound. It is deleted once
// all its rows have been moved into SQLite and the WAL that holds them has reached the disk.
// Durability is the WAL's: a write() survives a crash of the process at once and a power loss once
// the flush cycle's fdatasync of the open segment has run (every DB_FLUSH_INTERVAL_MS): on the
// storage thread once the journal is handed over to it (handOver), else through WalFlusher.
import { closeSync, fdatasync, openSync, readdirSync, readFileSync, unlink, writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { decodeRecords, RecordEncoder, type JournalRow } from './journal-records'
import type { LogAppend } from './document-store'
import type { SegmentWatcher } from './storage-thread'

/** A segment is sealed (at the end of a transfer) once it is this old or this big. */
export interface SealPolicy { afterMs: number; afterBytes: number }
const DEFAULT_SEAL: SealPolicy = { afterMs: 1000, afterBytes: 8 * 1024 * 1024 }

interface Segment {
  number: number; path: string; fd: number; openedAt: number
  /** Bytes written, and how many of them an fdatasync has covered. */
  bytes: number; syncedBytes: number
  /** Whether the directory entry of this new file has been synced. */
  named: boolean
}

/** A sealed segment whose rows are not all in SQLite yet: the journal's rows before `endRow`. */
interface Draining { segment: Segment; endRow: number }

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
  /** Sealed segments with rows still to move into SQLite; still synced, so a power loss keeps them. */
  private draining: Draining[] = []
  /** Rows of this run moved into SQLite (rows written: stats.rows). */
  private moved = 0
  /** Sealed segments all in SQLite, each waiting for a WAL flush that started after that (`seal`). */
  private sealed: { segment: Segment; seal: number }[] = []
  private seals = 0
  private syncing = false
  private encoder = new RecordEncoder()
  /** Set while the storage thread syncs and deletes the segments (see handOver). */
  private watcher: SegmentWatcher | null = null
  readonly stats = { writes: 0, rows: 0, sealed: 0, deleted: 0, syncs: 0 }

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
   * From now on `watcher` (the storage thread's flush cycle) syncs the segments and deletes those
   * done; `sync` and `walFlushed` are then not used. Called before the first write.
   */
  handOver(watcher: SegmentWatcher): void {
    this.watcher = watcher
    watcher.segmentOpened(this.segment.path)
  }

  /**
   * The watcher is gone: sync and delete here again (through WalFlusher). Segments it was told are
   * done but had not deleted yet stay on disk; the next start replays them (idempotent) and deletes them.
   */
  takeBack(): void {
    this.watcher = null
  }

  /** The first `count` pending rows are in SQLite now: the open segment may be sealed, sealed ones be done. */
  transferred(count: number): void {
    this.pending.splice(0, count)
    this.moved += count
    this.sealIfDue()
    while (this.draining.length > 0 && this.draining[0].endRow <= this.moved) {
      const { segment } = this.draining.shift()!
      if (this.watcher) {
        closeSync(segment.fd)
        this.watcher.segmentDone(segment.path)
      } else {
        this.sealed.push({ segment, seal: ++this.seals })
      }
    }
  }

  private sealIfDue(): void {
    const s = this.segment
    if (s.bytes === 0) return
    if (s.bytes < this.sealPolicy.afterBytes && performance.now() - s.openedAt < this.sealPolicy.afterMs) return
    // Its descriptor stays open until it is done: the flush cycle may still have to sync its tail.
    this.segment = this.openSegment(s.number + 1)
    this.draining.push({ segment: s, endRow: this.stats.rows })
    this.stats.sealed++
    this.watcher?.segmentOpened(this.segment.path)
  }

  /** For the flusher: a mark taken before it flushes, handed back to `walFlushed` after. */
  sealMark(): number {
    return this.seals
  }

  /**
   * fdatasync (off the event loop) of the open segment and of sealed ones not yet done, each if it
   * was written since its last sync; the first time also of its directory, so that the new name
   * survives a power loss too.
   */
  async sync(): Promise<void> {
    if (this.syncing) return
    const unsynced = [...this.draining.map((d) => d.segment), this.segment].filter((s) => s.bytes !== s.syncedBytes)
    if (unsynced.length === 0) return
    this.syncing = true
    try {
      for (const s of unsynced) {
        await syncSegment(s)
        this.stats.syncs++
      }
    } finally {
      this.syncing = false
    }
  }

  /** The WAL reached the disk after `mark` was taken: segments done by then are no longer needed. */
  walFlushed(mark: number): void {
    const done = this.sealed.filter((s) => s.seal <= mark)
    this.sealed = this.sealed.filter((s) => s.seal > mark)
    for (const { segment } of done) {
      closeSync(segment.fd)
      unlink(segment.path, (err) => {
        if (err) this.onError(err)
        else this.stats.deleted++
      })
    }
  }

  close(): void {
    for (const s of [this.segment, ...this.draining.map((d) => d.segment), ...this.sealed.map((d) => d.segment)]) closeSync(s.fd)
  }

  private openSegment(number: number): Segment {
    const path = `${this.dbFilePath}-updates.${number}`
    const fd = openSync(path, 'wx')
    return { number, path, fd, openedAt: performance.now(), bytes: 0, syncedBytes: 0, named: false }
  }
}

async function syncSegment(s: Segment): Promise<void> {
  const bytes = s.bytes
  if (!s.named) {
    const dir = await open(dirname(s.path), 'r')
    try { await dir.sync() } finally { await dir.close() }
    s.named = true
  }
  await new Promise<void>((resolve, reject) => fdatasync(s.fd, (err) => (err ? reject(err) : resolve())))
  s.syncedBytes = bytes
}
