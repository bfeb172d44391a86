// Durable storage of Yjs documents in libSQL: a compacted state row plus an append-only update log.
// Raw SQL on the libSQL client keeps the hot path (the batched append) free of ORM overhead.
// On an embedded database an append is durable once it is in the update journal (update-journal.ts);
// this store moves journal rows into the log in batches and reads the two as one log.
import type { Client, InStatement } from '@libsql/client'
import { rmSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import type { JournalRow } from './journal-records'
import { isBusy, type LogAppender } from './log-appender'
import { lockDatabase } from './journal-lock'
import { readJournal, type UpdateJournal } from './update-journal'

export interface StoredDocument {
  /** The compacted state, or null if the document was never compacted. */
  state: Uint8Array | null
  /** Log rows after the compacted state, in seq order. */
  updates: { seq: number; update: Uint8Array }[]
  /** Highest seq stored (in the log or merged into the state); the next append uses maxSeq + 1. */
  maxSeq: number
}

export interface LogAppend { documentId: string; seq: number; update: Uint8Array }

/** Rows per INSERT statement (4 bound values each, well under SQLite's variable limit). */
const APPEND_CHUNK = 200

/** How long an append waits for a write lock held by the other connection (see log-appender.ts). */
const BUSY_RETRY_MS = 2
const BUSY_GIVE_UP_MS = 5000

/** Journal rows wait this long to be moved into the log (in one transaction), or until there are this many. */
const TRANSFER_AFTER_MS = 500
const TRANSFER_AT_ROWS = 2000

const toBytes = (v: unknown): Uint8Array => (v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v as ArrayBufferLike))

/** Moves journal rows into the log off the event loop (the storage thread); `running` false: the store does it itself. */
export interface OffThreadTransfer {
  readonly running: boolean
  transfer(rows: readonly JournalRow[]): Promise<void>
}

export interface EmbeddedStorage {
  /** The embedded database's own append connection. */
  appender: LogAppender
  /** Moving journal rows into the log failed (not for a busy lock: that is retried quietly). */
  onError?: (err: Error) => void
}

export class DocumentStore {
  private appender: LogAppender | null
  private journal: UpdateJournal | null = null
  private onError: (err: Error) => void
  private transferTimer: NodeJS.Timeout | null = null
  /** The timer is armed to transfer at once (the pending rows passed TRANSFER_AT_ROWS). */
  private transferSoon = false
  private offThread: OffThreadTransfer | null = null
  /** A transfer is running on the other thread; the next waits for it. */
  private transferring = false
  private closed = false
  /** Releases the database's lock (see journal-lock.ts), taken by recoverJournal. */
  private unlock: () => void = () => {}
  readonly transferStats = { transfers: 0, rows: 0, failures: 0 }

  /** Without `embedded` (a libSQL server), appends go through the client. */
  constructor(private client: Client, private now: () => number = Date.now, embedded: EmbeddedStorage | null = null) {
    this.appender = embedded?.appender ?? null
    this.onError = embedded?.onError ?? (() => {})
  }

  /**
   * From now on appends commit to the journal (synchronous=NORMAL only: with FULL each append is an
   * SQLite commit that waits for the disk). Call `recoverJournal` first.
   */
  useJournal(journal: UpdateJournal, offThread: OffThreadTransfer | null = null): void {
    if (!this.appender) throw new Error('the update journal needs an embedded database')
    this.journal = journal
    this.offThread = offThread
  }

  /**
   * Takes the database's lock (one server per file), then moves what an earlier run left in the
   * journal into the log, durably, and deletes those files. Runs before anything is loaded.
   * Returns the number of journal rows read.
   */
  recoverJournal(dbFilePath: string): number {
    if (!this.appender) return 0
    this.unlock = lockDatabase(dbFilePath)
    const { rows, paths } = readJournal(dbFilePath)
    this.appender.transfer(rows, { durable: true })
    for (const path of paths) rmSync(path)
    return rows.length
  }

  async load(documentId: string): Promise<StoredDocument> {
    // Taken before the read: a row moved into the log meanwhile is then seen twice (deduplicated), never missed.
    const journaled = this.journalRowsOf(documentId)
    const [stateRes, logRes] = await this.client.batch([
      { sql: 'SELECT state, through_seq FROM document_states WHERE document_id = ?', args: [documentId] },
      { sql: 'SELECT seq, "update" FROM document_updates WHERE document_id = ? ORDER BY seq', args: [documentId] },
    ], 'read')
    const stateRow = stateRes.rows[0]
    const throughSeq = stateRow ? Number(stateRow.through_seq) : 0
    const logged = logRes.rows.map((r) => ({ seq: Number(r.seq), update: toBytes(r.update) }))
    const loggedSeqs = new Set(logged.map((r) => r.seq))
    const updates = [...logged, ...journaled.filter((r) => !loggedSeqs.has(r.seq))]
      .filter((r) => r.seq > throughSeq)
      .sort((a, b) => a.seq - b.seq)
    const maxSeq = Math.max(throughSeq, ...updates.map((u) => u.seq))
    return { state: stateRow ? toBytes(stateRow.state) : null, updates, maxSeq }
  }

  /**
   * Appends updates of any number of documents in one transaction: all are durable, or none.
   * Multi-row INSERTs (one statement per 200 rows) keep the commit to a few prepared statements.
   */
  append(rows: readonly LogAppend[]): void | Promise<void> {
    if (rows.length === 0) return
    const t = this.now()
    // Synchronous when journaled: the commit queue relays in the same turn, without a promise hop.
    if (this.journal) {
      this.journal.write(rows, t)
      this.scheduleTransfer()
      return
    }
    if (this.appender) return this.appendEmbedded(this.appender, rows, t)
    return this.appendRemote(rows, t)
  }

  private async appendRemote(rows: readonly LogAppend[], t: number): Promise<void> {
    const statements: InStatement[] = []
    for (let i = 0; i < rows.length; i += APPEND_CHUNK) {
      const chunk = rows.slice(i, i + APPEND_CHUNK)
      statements.push({
        sql: `INSERT INTO document_updates (document_id, seq, "update", created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`,
        args: chunk.flatMap((r) => [r.documentId, r.seq, r.update, t]),
      })
    }
    if (statements.length === 1) await this.client.execute(statements[0])
    else await this.client.batch(statements, 'write')
  }

  private async appendEmbedded(appender: LogAppender, rows: readonly LogAppend[], t: number): Promise<void> {
    const giveUpAt = performance.now() + BUSY_GIVE_UP_MS
    for (;;) {
      try {
        return appender.append(rows, t)
      } catch (err) {
        if (!isBusy(err) || performance.now() > giveUpAt) throw err
      }
      await sleep(BUSY_RETRY_MS)
    }
  }

  /**
   * Moves the journal's pending rows into the log, in one transaction: on the other thread if it
   * runs (an SQLite commit costs the event loop 0.3–1.5 ms), else here. On failure they stay
   * pending (and durable in the journal) and the next attempt retries them.
   */
  transferJournal(): void {
    if (this.transferTimer) clearTimeout(this.transferTimer)
    this.transferTimer = null
    this.transferSoon = false
    if (!this.journal || this.journal.pendingCount === 0 || this.transferring || this.closed) return
    const rows = this.journal.pendingRows()
    if (!this.offThread?.running) {
      this.transferHere(rows)
      return
    }
    this.transferring = true
    this.offThread.transfer(rows).then(
      () => { if (!this.closed) this.transferred(rows.length) },
      (err: Error) => { this.transferStats.failures++; this.onError(err) },
    ).finally(() => {
      this.transferring = false
      if (!this.closed && this.journal!.pendingCount > 0) this.scheduleTransfer()
    })
  }

  /** On this thread (no other thread, or closing). */
  private transferHere(rows: JournalRow[]): void {
    try {
      this.appender!.transfer(rows)
    } catch (err) {
      this.transferStats.failures++
      if (!isBusy(err)) this.onError(err as Error)
      if (!this.closed) this.scheduleTransfer()
      return
    }
    this.transferred(rows.length)
  }

  private transferred(count: number): void {
    this.journal!.transferred(count)
    this.transferStats.transfers++
    this.transferStats.rows += count
  }

  private scheduleTransfer(): void {
    if (this.journal!.pendingCount >= TRANSFER_AT_ROWS && !this.transferring) {
      // Sooner than the timer: rearmed once, however many appends cross the mark meanwhile.
      if (this.transferSoon) return
      this.transferSoon = true
      if (this.transferTimer) clearTimeout(this.transferTimer)
      this.transferTimer = setTimeout(() => this.transferJournal(), 0)
      return
    }
    this.transferTimer ??= setTimeout(() => this.transferJournal(), TRANSFER_AFTER_MS)
  }

  /** For /api/health: the journal's writes and segments, and the batches moved into the log. */
  journalStats(): Record<string, unknown> | null {
    if (!this.journal) return null
    return { ...this.journal.stats, pendingRows: this.journal.pendingCount, transfers: this.transferStats }
  }

  private journalRowsOf(documentId: string): JournalRow[] {
    return this.journal?.pendingRows().filter((r) => r.documentId === documentId) ?? []
  }

  /** Moves what is pending into the log and closes the journal and the append connection (the client is closed by its owner). */
  close(): void {
    if (this.transferTimer) clearTimeout(this.transferTimer)
    // Rows a transfer still in flight also carries are inserted once (INSERT OR IGNORE).
    if (this.journal && this.journal.pendingCount > 0) this.transferHere(this.journal.pendingRows())
    this.closed = true
    this.journal?.close()
    this.appender?.close()
    this.unlock()
  }

  /**
   * Replaces log rows up to `throughSeq` by one merged state, in one transaction. Rows after
   * `throughSeq` (updates that arrived while the state was being encoded) are left alone.
   */
  async compact(documentId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    const t = this.now()
    await this.client.batch([
      {
        sql: `INSERT INTO document_states (document_id, state, through_seq, updated_at) VALUES (?, ?, ?, ?)
              ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq, updated_at = excluded.updated_at
              WHERE excluded.through_seq >= document_states.through_seq`,
        args: [documentId, state, throughSeq, t],
      },
      { sql: 'DELETE FROM document_updates WHERE document_id = ? AND seq <= ?', args: [documentId, throughSeq] },
      { sql: 'UPDATE documents SET updated_at = ? WHERE id = ?', args: [t, documentId] },
    ], 'write')
  }

  /** Writes the first state of a new document (its template). */
  async initialise(documentId: string, state: Uint8Array): Promise<void> {
    await this.client.execute({
      sql: 'INSERT INTO document_states (document_id, state, through_seq, updated_at) VALUES (?, ?, 0, ?)',
      args: [documentId, state, this.now()],
    })
  }

  async logLength(documentId: string): Promise<number> {
    const journaled = this.journalRowsOf(documentId).length
    const res = await this.client.execute({ sql: 'SELECT count(*) AS n FROM document_updates WHERE document_id = ?', args: [documentId] })
    return Number(res.rows[0].n) + journaled
  }
}
