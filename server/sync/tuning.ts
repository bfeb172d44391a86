// Every tuning constant of the sync server and its storage (and the sign-up budget), each with the reason for its value.
// Operator settings (ports, database, session length, proxy) are environment variables in config.ts;
// these are not: the defaults below are what Quorum is tested and measured with.

/**
 * The values tests shorten (a heartbeat of 300 ms, a compaction every 40 rows). They travel in
 * Config.tuning: the server reads them from there, never from here, so a test entry point can start
 * the same server with other values (tests/helpers/tuned-server.ts) without an operator setting.
 */
export interface SyncTuning {
  /** Largest sync frame accepted; a larger one closes the socket with 1009. A whole board pack pasted at once stays far below. */
  maxMessageBytes: number
  /** A connection whose unsent frames pass this is closed (4508) instead of buffering without bound; it resyncs on reconnect. */
  sendBufferLimitBytes: number
  /** A document's update log is merged into one row once it has this many rows, so a load reads few rows. */
  compactThreshold: number
  /**
   * A compaction lease lasts this long (ms), renewed by each compaction of its holder: of instances
   * sharing a document one compacts it, and another takes over this long after the holder stopped.
   */
  compactionLeaseMs: number
  /** Sync sockets are pinged this often; one that missed the previous ping is dropped, so a dead link leaves presence within two intervals. */
  heartbeatMs: number
  /** A room with no connection stays loaded this long (ms), so a reload or a flaky network does not reload the document. */
  unloadAfterMs: number
  /**
   * Several instances only: every loaded room also reads the rows committed elsewhere this often,
   * whatever Redis says (server/cluster/redis-fanout.ts); the backstop for a loss that leaves no gap.
   */
  catchUpSweepMs: number
  /**
   * Each instance re-checks its open sync sockets against the database this often (sync/access-recheck.ts):
   * a session that expired, or a revocation whose Redis message was lost, closes them within this plus a few seconds.
   */
  accessRecheckMs: number
  /**
   * With SMTP_URL: how often the server looks for people due an e-mail digest, and how long a
   * notification stays unread before it is e-mailed (someone working in the app reads it there).
   */
  digestSweepMs: number
  digestDelayMs: number
  /**
   * Sign-ups one client address may make per hour (auth/signup-throttle.ts). A board's intake from one
   * office in one sitting fits; a script creating accounts or probing addresses through sign-up does not.
   */
  signupsPerAddressPerHour: number
}

export const SYNC_TUNING: Readonly<SyncTuning> = Object.freeze({
  maxMessageBytes: 16 * 1024 * 1024,
  sendBufferLimitBytes: 16 * 1024 * 1024,
  compactThreshold: 500,
  compactionLeaseMs: 30_000,
  heartbeatMs: 10_000,
  unloadAfterMs: 30_000,
  catchUpSweepMs: 5000,
  accessRecheckMs: 30_000,
  digestSweepMs: 60_000,
  digestDelayMs: 10 * 60_000,
  signupsPerAddressPerHour: 10,
})

/** Rows per INSERT of the update log: 2 bound values each, far below SQLite's variable limit. */
export const APPEND_ROWS_PER_STATEMENT = 200

/** A write that finds the database locked by another writer is retried this often (ms)… */
export const BUSY_RETRY_MS = 2
/** …and fails after this long (ms): its senders are disconnected (4503) and resend on reconnect. */
export const BUSY_GIVE_UP_MS = 5000

/** The WAL is checkpointed this often (ms), off the event loop: a few MB of WAL at most between two, even under a storm of edits. */
export const CHECKPOINT_EVERY_MS = 500

/** A room past compactThreshold rows compacts after this long without a new row (ms), between bursts of typing. */
export const COMPACT_WHEN_QUIET_MS = 1000
/** …or at once when its log reaches this multiple of the threshold, so a never-quiet room stays bounded. */
export const COMPACT_AT_ONCE_FACTOR = 4

/** An unloaded room is kept at least this long (ms), so an upgrade that has acquired it has time to join. */
export const MIN_UNLOAD_DELAY_MS = 1000
