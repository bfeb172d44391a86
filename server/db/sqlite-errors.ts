// What a libSQL error means, read from its code (through the `cause` chain drizzle wraps it in).
function hasCode(err: unknown, matches: (code: string) => boolean): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && matches(e.code)) return true
  }
  return false
}

/** The write lock is held elsewhere for now: worth retrying, unlike every other error. */
export const isBusy = (err: unknown): boolean => hasCode(err, (c) => c === 'SQLITE_BUSY' || c === 'SQLITE_LOCKED')

/**
 * libsql (0.5.29) leaves a statement that failed with SQLITE_BUSY in progress until the garbage
 * collector finalizes it, and until then every COMMIT on that connection fails with "cannot commit
 * transaction - SQL statements in progress" although the lock is free
 * (tursodatabase/libsql-client-ts#352): one write lock held by another process past the wait
 * stopped every later write of the process. A fresh connection does not inherit the statement.
 */
export const isStatementLeftInProgress = (err: unknown): boolean =>
  isBusy(err) && /statements in progress/.test((err as Error).message)

/** A unique (or primary key) constraint refused the row: the thing exists already. */
export const isUniqueViolation = (err: unknown): boolean => hasCode(err, (c) => c.startsWith('SQLITE_CONSTRAINT'))
