// The hot path's INSERT into the update log, on an embedded database's own connection with its
// statements prepared once. Through @libsql/client every append re-prepares its SQL and inspects
// the statement (prepare + raw were a third of the commit's cost in the profile), and a WAL
// checkpoint could run inside it; here a commit is the INSERT and nothing else.
//
// This is a second connection to the file. Its transactions never span an await (each append is
// one synchronous call), so the other connection never finds it holding the lock. The reverse can
// happen if an interactive transaction on the client awaits real I/O: the append then gets
// SQLITE_BUSY at once (busy_timeout 0, so the event loop never sleeps on a lock this thread holds)
// and the caller retries on a later turn.
import Database from 'libsql'
import type { LogAppend } from './document-store'
import type { JournalRow } from './journal-records'

/**
 * Moves one update-journal row into the log, unless it is there already (a replay), merged into the
 * compacted state (seq at or below through_seq), or its document is gone. Parameters: document id,
 * seq, update, created_at. Also run by the storage thread (storage-thread.ts).
 */
export const TRANSFER_ROW_SQL = `
  INSERT OR IGNORE INTO document_updates (document_id, seq, "update", created_at)
  SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM documents WHERE id = ?1)
    AND ?2 > coalesce((SELECT through_seq FROM document_states WHERE document_id = ?1), 0)`

/** A prepared statement; one array argument binds positional parameters. */
interface Statement { run(...params: unknown[]): unknown }

export class LogAppender {
  private db: InstanceType<typeof Database>
  private insert: Statement
  private begin: Statement
  private commit: Statement
  private rollback: Statement
  private transferRow: Statement

  private synchronous: 'FULL' | 'NORMAL'

  constructor(filePath: string, opts: { synchronous: 'FULL' | 'NORMAL'; autoCheckpoint: boolean }) {
    this.synchronous = opts.synchronous
    this.db = new Database(filePath)
    this.db.exec(`PRAGMA synchronous=${opts.synchronous}`)
    this.db.exec('PRAGMA foreign_keys=ON')
    this.db.exec('PRAGMA busy_timeout=0')
    if (!opts.autoCheckpoint) this.db.exec('PRAGMA wal_autocheckpoint=0')
    this.insert = this.db.prepare<unknown[]>('INSERT INTO document_updates (document_id, seq, "update", created_at) VALUES (?, ?, ?, ?)')
    this.begin = this.db.prepare<unknown[]>('BEGIN IMMEDIATE')
    this.commit = this.db.prepare<unknown[]>('COMMIT')
    this.rollback = this.db.prepare<unknown[]>('ROLLBACK')
    this.transferRow = this.db.prepare<unknown[]>(TRANSFER_ROW_SQL)
  }

  /** Appends the rows in one transaction: all are durable, or none (the error is rethrown). */
  append(rows: readonly LogAppend[], createdAt: number): void {
    if (rows.length === 1) {
      const r = rows[0]
      this.insert.run([r.documentId, r.seq, r.update, createdAt])
      return
    }
    this.begin.run()
    try {
      for (const r of rows) this.insert.run([r.documentId, r.seq, r.update, createdAt])
      this.commit.run()
    } catch (err) {
      if (this.db.inTransaction) this.rollback.run()
      throw err
    }
  }

  /**
   * Moves rows of the update journal into the log in one transaction. `durable`: the commit waits
   * for the disk (the startup replay deletes the journal right after).
   */
  transfer(rows: readonly JournalRow[], opts: { durable?: boolean } = {}): void {
    if (rows.length === 0) return
    if (opts.durable) this.db.exec('PRAGMA synchronous=FULL')
    try {
      this.begin.run()
      try {
        for (const r of rows) this.transferRow.run([r.documentId, r.seq, r.update, r.createdAt])
        this.commit.run()
      } catch (err) {
        if (this.db.inTransaction) this.rollback.run()
        throw err
      }
    } finally {
      if (opts.durable) this.db.exec(`PRAGMA synchronous=${this.synchronous}`)
    }
  }

  /** SQLite's own checkpoints back on (the storage thread is gone). */
  restoreAutoCheckpoint(): void {
    if (this.db.open) this.db.exec('PRAGMA wal_autocheckpoint=1000')
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

/** The lock is held elsewhere for now: worth retrying, unlike every other error. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}
