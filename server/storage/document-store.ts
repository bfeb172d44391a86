// Durable storage of Yjs documents in libSQL: a compacted state row plus an append-only update log.
// Raw SQL on the libSQL client keeps the hot path (the batched append) free of ORM overhead.
import type { Client, InStatement } from '@libsql/client'
import { setTimeout as sleep } from 'node:timers/promises'
import { isBusy, type LogAppender } from './log-appender'

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

const toBytes = (v: unknown): Uint8Array => (v instanceof ArrayBuffer ? new Uint8Array(v) : new Uint8Array(v as ArrayBufferLike))

export class DocumentStore {
  /** `appender`: the embedded database's own append connection; without one, appends go through the client. */
  constructor(private client: Client, private now: () => number = Date.now, private appender: LogAppender | null = null) {}

  async load(documentId: string): Promise<StoredDocument> {
    const [stateRes, logRes] = await this.client.batch([
      { sql: 'SELECT state, through_seq FROM document_states WHERE document_id = ?', args: [documentId] },
      { sql: 'SELECT seq, "update" FROM document_updates WHERE document_id = ? ORDER BY seq', args: [documentId] },
    ], 'read')
    const stateRow = stateRes.rows[0]
    const throughSeq = stateRow ? Number(stateRow.through_seq) : 0
    const updates = logRes.rows
      .map((r) => ({ seq: Number(r.seq), update: toBytes(r.update) }))
      .filter((r) => r.seq > throughSeq)
    const maxSeq = Math.max(throughSeq, ...updates.map((u) => u.seq))
    return { state: stateRow ? toBytes(stateRow.state) : null, updates, maxSeq }
  }

  /**
   * Appends updates of any number of documents in one transaction: all are durable, or none.
   * Multi-row INSERTs (one statement per 200 rows) keep the commit to a few prepared statements.
   */
  async append(rows: readonly LogAppend[]): Promise<void> {
    if (rows.length === 0) return
    const t = this.now()
    if (this.appender) return this.appendEmbedded(this.appender, rows, t)
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

  /** Closes the append connection (the client is closed by its owner). */
  close(): void {
    this.appender?.close()
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
    const res = await this.client.execute({ sql: 'SELECT count(*) AS n FROM document_updates WHERE document_id = ?', args: [documentId] })
    return Number(res.rows[0].n)
  }
}
