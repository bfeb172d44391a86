// The update log's own connection to an embedded database file, on libsql's native driver (the one
// @libsql/client wraps for `file:` URLs), with each statement prepared once. @libsql/client prepares
// every statement afresh: a one-row commit through it and drizzle's batch costs about 0.28 ms of CPU,
// the same statements here about 0.08 ms (`npx tsx bench/commit-cost.ts`), and a commit is what every
// edit waits for before it is relayed. The statements are the ones DocumentStore builds with drizzle.
import type { SQL } from 'drizzle-orm'
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'
import Database from 'libsql'

/** One document's part of a commit: the counter upsert (RETURNING the last number) and its rows. */
export interface LogWrite { reserve: SQL; inserts: SQL[] }

type Statement = Database.Statement

export class LogConnection {
  private readonly dialect = new SQLiteSyncDialect()
  /** By SQL text. Bounded: one counter upsert, and one insert per row count up to APPEND_ROWS_PER_STATEMENT. */
  private readonly statements = new Map<string, Statement>()
  /** BEGIN IMMEDIATE: a write lock held elsewhere fails at once (busy_timeout 0), before any statement ran. */
  private readonly inTransaction: (writes: readonly LogWrite[]) => number[]

  private constructor(private readonly native: Database.Database) {
    this.inTransaction = native.transaction((writes: readonly LogWrite[]) => writes.map((w) => {
      const [last] = this.execute(w.reserve, 'get') as [number]
      for (const insert of w.inserts) this.execute(insert, 'run')
      return last
    })).immediate
  }

  static open(filePath: string, synchronous: 'FULL' | 'NORMAL'): LogConnection {
    const native = new Database(filePath)
    native.exec(`PRAGMA busy_timeout=0; PRAGMA synchronous=${synchronous}; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=0`)
    return new LogConnection(native)
  }

  /** Runs the writes in one transaction (all or nothing) and returns each one's last reserved number. */
  append(writes: readonly LogWrite[]): number[] {
    return this.inTransaction(writes)
  }

  close(): void {
    this.native.close()
  }

  private execute(query: SQL, how: 'get' | 'run'): unknown {
    const { sql, params } = this.dialect.sqlToQuery(query)
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.native.prepare(sql)
      if (how === 'get') statement.raw(true)
      this.statements.set(sql, statement)
    }
    return how === 'get' ? statement.get(...params) : statement.run(...params)
  }
}
