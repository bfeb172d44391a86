// Durable storage of Yjs documents in libSQL: a compacted state row plus an append-only update log.
// The database is the only copy: every reader (a load, `npm run backup`, an outside tool) sees
// exactly what was committed. Sequence numbers come from the database, inside the commit's
// transaction (the per-document counter `document_seq`), so any number of processes can append
// to one document without colliding.
import { and, asc, eq, gt, lte, sql, type SQL } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Db } from '../db/client'
import { compactionLeases, documents, documentSeq, documentStates, documentUpdates } from '../db/schema'
import { isBusy, isStatementLeftInProgress } from '../db/sqlite-errors'
import { type LogConnection, type LogWrite } from './log-connection'
import { APPEND_ROWS_PER_STATEMENT, BUSY_GIVE_UP_MS, BUSY_RETRY_MS } from '../sync/tuning'

export interface StoredDocument {
  /** The compacted state (null if there is none, or, for a read `after` a seq, if it covers no more than that). */
  state: Uint8Array | null
  /** The last log row merged into `state` (0 without one). */
  stateThrough: number
  /** Log rows after the compacted state (and after `after`), in seq order. */
  updates: { seq: number; update: Uint8Array }[]
  /** Highest seq stored (in the log or merged into the state). The log has no gaps up to it. */
  maxSeq: number
}

export interface LogAppend {
  documentId: string
  update: Uint8Array
  /** Statements committed in the same transaction (a restore's "Restored vN" version row). */
  alongside?: readonly BatchItem<'sqlite'>[]
}

/** Where a row went: its sequence number, and the results of its `alongside` statements. */
export interface Appended { seq: number; alongside: unknown[] }

/** A document whose stored log is not whole: it is refused (503), never served as less than it is. */
export class DamagedDocumentError extends Error {
  constructor(readonly documentId: string, readonly problem: string) {
    super(`document ${documentId} is damaged: ${problem}`)
  }
}

const asBuffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

/** Reserves a document's next `k` numbers: its counter moves by k, RETURNING the last. */
function reserveNumbers(documentId: string, k: number): SQL {
  // A document without a counter row yet starts after whatever its log or state already covers.
  return sql`INSERT INTO ${documentSeq} (document_id, last_seq) VALUES (${documentId}, max(
      coalesce((SELECT max(seq) FROM ${documentUpdates} WHERE document_id = ${documentId}), 0),
      coalesce((SELECT through_seq FROM ${documentStates} WHERE document_id = ${documentId}), 0)) + ${k})
    ON CONFLICT (document_id) DO UPDATE SET last_seq = last_seq + ${k} RETURNING last_seq`
}

/** The rows, numbered from the counter just moved, in one join per chunk (not a subquery per row): last − offset. */
function insertRows(documentId: string, updates: readonly Uint8Array[], t: number): SQL[] {
  const k = updates.length
  const chunks: SQL[] = []
  for (let from = 0; from < k; from += APPEND_ROWS_PER_STATEMENT) {
    const values = sql.join(updates.slice(from, from + APPEND_ROWS_PER_STATEMENT)
      .map((update, j) => sql`(${k - 1 - (from + j)}, ${asBuffer(update)})`), sql`, `)
    chunks.push(sql`INSERT INTO ${documentUpdates} (document_id, seq, "update", created_at)
      SELECT c.document_id, c.last_seq - v.column1, v.column2, ${t} FROM ${documentSeq} c JOIN (VALUES ${values}) v
      WHERE c.document_id = ${documentId}`)
  }
  return chunks
}

export class DocumentStore {
  /**
   * `db` is a connection of its own with busy_timeout 0 (see openStorageConnection): a write lock
   * held by another process or by an open transaction makes a write fail at once, and it is retried
   * on a later turn instead of stalling the event loop (or waiting for a transaction that needs it).
   */
  constructor(
    private db: Db,
    private now: () => number = Date.now,
    private onClose: () => void = () => {},
    /** The embedded file's native connection for appends (null for a libSQL server: appends go in a batch). */
    private log: LogConnection | null = null,
    /** Replaces `db`'s connection with a fresh one (see isStatementLeftInProgress). */
    private reopen?: () => Promise<void>,
  ) {}

  /**
   * State row and log rows in one read transaction: a snapshot in which the log has no gaps, since
   * rows are numbered and inserted in one transaction. A gap, or rows missing below the counter,
   * means the database lost rows: DamagedDocumentError, and nothing is changed.
   * With `after` (an instance catching up with rows other instances committed): only the rows after
   * that seq, and the state only if a compaction merged rows after it.
   */
  async load(documentId: string, after?: number): Promise<StoredDocument> {
    const since = after ?? 0
    const stateWanted = after === undefined ? undefined : gt(documentStates.throughSeq, after)
    const [counter, states, rows] = await this.retryWhileBusy(() => this.db.batch([
      this.db.select({ lastSeq: documentSeq.lastSeq }).from(documentSeq).where(eq(documentSeq.documentId, documentId)),
      this.db.select({ state: documentStates.state, throughSeq: documentStates.throughSeq }).from(documentStates)
        .where(and(eq(documentStates.documentId, documentId), stateWanted)),
      this.db.select({ seq: documentUpdates.seq, update: documentUpdates.update }).from(documentUpdates)
        .where(and(eq(documentUpdates.documentId, documentId), gt(documentUpdates.seq, since))).orderBy(asc(documentUpdates.seq)),
    ]))
    const stateThrough = states[0]?.throughSeq ?? 0
    const base = Math.max(since, stateThrough)
    const updates = rows.filter((r) => r.seq > base).map((r) => ({ seq: r.seq, update: new Uint8Array(r.update) }))
    const maxSeq = Math.max(base, updates.at(-1)?.seq ?? 0)
    updates.forEach((u, i) => {
      const expected = base + i + 1
      if (u.seq !== expected) throw new DamagedDocumentError(documentId, `its update log has no row ${expected} (the next is ${u.seq})`)
    })
    const lastSeq = counter[0]?.lastSeq ?? maxSeq
    if (lastSeq > maxSeq) throw new DamagedDocumentError(documentId, `its update log ends at row ${maxSeq}, but rows up to ${lastSeq} were committed`)
    return { state: states[0] ? new Uint8Array(states[0].state) : null, stateThrough, updates, maxSeq }
  }

  /**
   * Appends updates of any number of documents in one transaction (all are durable, or none) and
   * returns their sequence numbers, in the order given. Per document: one upsert of its counter that
   * reserves the batch's numbers (RETURNING the last), then the rows, numbered from that counter in
   * the same transaction. A batch is one write transaction, so no other writer can come between.
   * On an embedded file it runs on the log's native connection (LogConnection); with a libSQL server,
   * or with a restore's `alongside` statements, it is one drizzle batch. The statements are the same.
   */
  async append(rows: readonly LogAppend[]): Promise<Appended[]> {
    if (rows.length === 0) return []
    const t = this.now()
    const byDocument = new Map<string, number[]>()
    rows.forEach((r, i) => {
      const list = byDocument.get(r.documentId)
      if (list) list.push(i)
      else byDocument.set(r.documentId, [i])
    })
    const groups = [...byDocument.values()]
    const writes: LogWrite[] = [...byDocument].map(([documentId, indexes]) => ({
      reserve: reserveNumbers(documentId, indexes.length),
      inserts: insertRows(documentId, indexes.map((i) => rows[i].update), t),
    }))
    const appended: Appended[] = rows.map(() => ({ seq: 0, alongside: [] }))
    const log = this.log
    const lasts = log && !rows.some((r) => r.alongside?.length)
      ? await this.retryWhileBusy(async () => log.append(writes))
      : await this.appendInBatch(rows, writes, appended)
    groups.forEach((indexes, d) => {
      indexes.forEach((rowIndex, j) => { appended[rowIndex].seq = lasts[d] - indexes.length + 1 + j })
    })
    return appended
  }

  /** The same writes as one drizzle batch, with each row's `alongside` statements (their results go to `appended`). */
  private async appendInBatch(rows: readonly LogAppend[], writes: readonly LogWrite[], appended: Appended[]): Promise<number[]> {
    const statements: BatchItem<'sqlite'>[] = []
    const reserveAt: number[] = []
    for (const w of writes) {
      reserveAt.push(statements.length)
      statements.push(this.db.values<[number]>(w.reserve), ...w.inserts.map((insert) => this.db.run(insert)))
    }
    const alongsideAt = rows.map((r) => {
      const at = statements.length
      statements.push(...(r.alongside ?? []))
      return at
    })
    const results = await this.retryWhileBusy(() => this.db.batch(statements as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]))
    rows.forEach((r, i) => { appended[i].alongside = results.slice(alongsideAt[i], alongsideAt[i] + (r.alongside?.length ?? 0)) })
    return reserveAt.map((at) => Number((results[at] as [number][])[0][0]))
  }

  /**
   * Takes (or renews) the lease to compact a document, for `holder` until `ttlMs` from now: one
   * conditional upsert, so of instances asking at once exactly one gets it. False while another
   * holder's lease has not expired.
   */
  async claimCompaction(documentId: string, holder: string, ttlMs: number): Promise<boolean> {
    const t = this.now()
    const rows = await this.retryWhileBusy(() => this.db.insert(compactionLeases)
      .values({ documentId, holder, expiresAt: t + ttlMs })
      .onConflictDoUpdate({
        target: compactionLeases.documentId,
        set: { holder: sql`excluded.holder`, expiresAt: sql`excluded.expires_at` },
        setWhere: sql`${compactionLeases.holder} = excluded.holder OR ${compactionLeases.expiresAt} <= ${t}`,
      })
      .returning({ holder: compactionLeases.holder }))
    return rows.length === 1
  }

  /**
   * Replaces the log rows up to `throughSeq` by one merged state, in one transaction, if `holder`
   * still holds the compaction lease (else nothing is written: false). The caller has merged every
   * row up to `throughSeq` (no gaps below), so only rows it merged are deleted; rows after it are
   * left alone, and a state that covers less than the stored one is not written.
   */
  async compact(documentId: string, state: Uint8Array, throughSeq: number, holder: string): Promise<boolean> {
    const [, , touched] = await this.retryWhileBusy(() => this.db.batch(this.compaction(documentId, state, throughSeq, holder)))
    return touched.rowsAffected === 1
  }

  /**
   * The statements of `compact`, for a transaction of the caller's (a restore stores the document it
   * leaves this way, with its change). Each applies only while `holder` holds the lease; the third
   * (the document's edited time) tells whether it did.
   */
  compaction(documentId: string, state: Uint8Array, throughSeq: number, holder: string): [BatchItem<'sqlite'>, BatchItem<'sqlite'>, BatchItem<'sqlite'>] {
    const t = this.now()
    const held = sql`EXISTS (SELECT 1 FROM ${compactionLeases} WHERE document_id = ${documentId} AND holder = ${holder} AND expires_at > ${t})`
    return [
      this.db.run(sql`INSERT INTO ${documentStates} (document_id, state, through_seq, updated_at)
        SELECT ${documentId}, ${asBuffer(state)}, ${throughSeq}, ${t} WHERE ${held}
        ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq, updated_at = excluded.updated_at
        WHERE excluded.through_seq >= ${documentStates.throughSeq}`),
      this.db.delete(documentUpdates).where(and(eq(documentUpdates.documentId, documentId), lte(documentUpdates.seq, throughSeq), held)),
      this.db.update(documents).set({ updatedAt: t }).where(and(eq(documents.id, documentId), held)),
    ]
  }

  /** Bytes stored for a document now (compacted state plus log), for an instance that leaves compaction to another. */
  async storedBytes(documentId: string): Promise<number> {
    const [states, rows] = await this.db.batch([
      this.db.select({ bytes: sql<number>`coalesce(sum(length(${documentStates.state})), 0)` }).from(documentStates).where(eq(documentStates.documentId, documentId)),
      this.db.select({ bytes: sql<number>`coalesce(sum(length(${documentUpdates.update})), 0)` }).from(documentUpdates).where(eq(documentUpdates.documentId, documentId)),
    ])
    return Number(states[0].bytes) + Number(rows[0].bytes)
  }

  close(): void {
    this.onClose()
  }

  private async retryWhileBusy<T>(write: () => Promise<T>): Promise<T> {
    const giveUpAt = performance.now() + BUSY_GIVE_UP_MS
    for (;;) {
      try {
        return await write()
      } catch (err) {
        if (!isBusy(err)) throw err
        if (isStatementLeftInProgress(err)) await this.reconnect()
        if (performance.now() > giveUpAt) throw err
      }
      await new Promise((r) => setTimeout(r, BUSY_RETRY_MS))
    }
  }

  /** One reopen at a time, however many operations found the connection stuck. */
  private async reconnect(): Promise<void> {
    if (!this.reopen) return
    this.reconnecting ??= this.reopen().finally(() => { this.reconnecting = null })
    await this.reconnecting
  }

  private reconnecting: Promise<void> | null = null
}
