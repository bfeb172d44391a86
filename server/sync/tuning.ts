// Every tuning constant of the sync server and its storage, each with the reason for its value.
// Operator settings (ports, database, limits an operator may need to change) are in config.ts.

/** Rows per INSERT of the update log: 2 bound values each, far below SQLite's variable limit. */
export const APPEND_ROWS_PER_STATEMENT = 200

/** A write that finds the database locked by another writer is retried this often (ms)… */
export const BUSY_RETRY_MS = 2
/** …and fails after this long (ms): its senders are disconnected (4503) and resend on reconnect. */
export const BUSY_GIVE_UP_MS = 5000

/** A room past COMPACT_THRESHOLD rows compacts after this long without a new row (ms), between bursts of typing. */
export const COMPACT_WHEN_QUIET_MS = 1000
/** …or at once when its log reaches this multiple of the threshold, so a never-quiet room stays bounded. */
export const COMPACT_AT_ONCE_FACTOR = 4

/** An unloaded room is kept at least this long (ms), so an upgrade that has acquired it has time to join. */
export const MIN_UNLOAD_DELAY_MS = 1000
