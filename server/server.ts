// Assembles a running Quorum server: database, stores, sync rooms, the Hono app and the
// WebSocket server (ws, with the frame size limit enforced as close code 1009).
import { serve, type ServerType } from '@hono/node-server'
import { pino } from 'pino'
import { WebSocketServer } from 'ws'
import type { AppDeps } from './app-deps'
import { createApp } from './app'
import { LoginThrottle } from './auth/login-throttle'
import { SessionStore } from './auth/sessions'
import type { Config } from './config'
import { openDatabase } from './db/client'
import { DocumentStore } from './storage/document-store'
import { LogAppender } from './storage/log-appender'
import { UpdateJournal } from './storage/update-journal'
import { StorageThread } from './storage/storage-thread'
import { WalFlusher } from './storage/wal-flusher'
import { CommitQueue } from './sync/commit-queue'
import { startHeartbeat } from './sync/heartbeat'
import { RoomRegistry } from './sync/room-registry'
import { VersionStore } from './versions/version-store'
import { CloseCode, CloseReason } from '../shared/close-codes'

export interface RunningServer {
  deps: AppDeps
  port: number
  /** Stops accepting, closes sync connections (1001), commits what was received, closes the database. */
  stop(): Promise<void>
}

export async function buildDeps(config: Config): Promise<AppDeps> {
  const log = pino({ level: config.LOG_LEVEL })
  const now = Date.now
  const { db, client, filePath, walPath } = await openDatabase({ url: config.DATABASE_URL, authToken: config.DATABASE_AUTH_TOKEN, synchronous: config.DB_SYNCHRONOUS })
  // The update log's appends get a connection of their own (see log-appender.ts), and checkpoints a
  // worker thread: SQLite's own would stall the event loop (see storage-thread.ts).
  const appender = filePath ? new LogAppender(filePath, { synchronous: config.DB_SYNCHRONOUS, autoCheckpoint: false }) : null
  // With NORMAL, an edit commits to the update journal and reaches SQLite in batches (update-journal.ts).
  const store = new DocumentStore(client, now, appender && {
    appender,
    onError: (err) => log.error({ err: err.message }, 'moving journaled updates into the log failed; retrying'),
  })
  // Before anything is loaded, and whatever the mode now: the previous run may have used the journal.
  const recovered = filePath ? store.recoverJournal(filePath) : 0
  if (recovered > 0) log.info({ rows: recovered }, 'replayed the update journal of the previous run')
  // NORMAL bounds a power loss by a flush cycle every DB_FLUSH_INTERVAL_MS (FULL syncs every commit
  // itself): on the storage thread, or on the event loop (wal-flusher.ts) if that thread is gone.
  const threadFlush = walPath && config.DB_SYNCHRONOUS === 'NORMAL' ? { walPath, intervalMs: config.DB_FLUSH_INTERVAL_MS } : null
  let journal: UpdateJournal | null = null
  let walFlusher: WalFlusher | null = null
  const flushHere = () => {
    if (walFlusher) return
    journal?.takeBack()
    walFlusher = new WalFlusher(threadFlush!.walPath, threadFlush!.intervalMs, (err) => log.error({ err: err.message }, 'flushing the WAL failed; retrying'), journal)
    walFlusher.start()
  }
  const storageThread = filePath
    ? new StorageThread(filePath, config.DB_CHECKPOINT_INTERVAL_MS,
      (err) => log.error({ err: err.message }, 'storage thread error'),
      () => {
        log.error('the storage thread stopped; SQLite checkpoints inside commits again, and the WAL is flushed from the event loop')
        void client.execute('PRAGMA wal_autocheckpoint=1000').catch(() => {})
        appender?.restoreAutoCheckpoint()
        if (threadFlush) flushHere()
      },
      config.DB_SYNCHRONOUS, threadFlush)
    : null
  if (filePath && appender && config.DB_SYNCHRONOUS === 'NORMAL') {
    journal = new UpdateJournal(filePath, (err) => log.error({ err: err.message }, 'deleting a journal segment failed'))
    // Journal rows reach the log on the storage thread; on this one if that thread is gone.
    store.useJournal(journal, storageThread)
  }
  if (storageThread) {
    await client.execute('PRAGMA wal_autocheckpoint=0')
    storageThread.start()
    // The thread syncs and deletes the journal's segments; if it ends, onLost takes them back.
    if (threadFlush) journal?.handOver(storageThread)
  }
  if (threadFlush && !storageThread) flushHere()
  const commits = new CommitQueue(store, (err) => log.error({ err: err.message }, 'commit failed; senders were disconnected and will resend'))
  const rooms = new RoomRegistry(store, commits, {
    compactThreshold: config.COMPACT_THRESHOLD,
    unloadAfterMs: config.UNLOAD_AFTER_MS,
    relayPacing: { msPerConnection: config.RELAY_MS_PER_CONNECTION, maxMs: config.RELAY_MAX_INTERVAL_MS },
    log,
  })
  return {
    config, db, client, store, commits, rooms, log, now, storageThread,
    get walFlusher() { return walFlusher },
    versions: new VersionStore(client, now),
    sessions: new SessionStore(db, config.SESSION_TTL_DAYS * 86_400_000, now),
    throttle: new LoginThrottle(db, now),
  }
}

export async function startServer(deps: AppDeps, opts: { clientDir?: string } = {}): Promise<RunningServer> {
  const app = createApp(deps, opts)
  // No compression: Yjs updates are small and mostly binary, and the relay writes ready-made frames
  // (server/sync/websocket-frames.ts), which only holds without extensions.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.MAX_MESSAGE_BYTES, perMessageDeflate: false })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: deps.config.PORT, hostname: deps.config.HOST, websocket: { server: wss } }, () => resolve(s))
  })
  const heartbeat = startHeartbeat(wss, deps.config.SYNC_HEARTBEAT_MS)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : deps.config.PORT
  let stopping: Promise<void> | null = null
  return {
    deps,
    port,
    stop() {
      stopping ??= (async () => {
        server.close()
        heartbeat.stop()
        await deps.rooms.shutdown(CloseCode.goingAway, CloseReason[CloseCode.goingAway])
        for (const ws of wss.clients) ws.terminate()
        await deps.walFlusher?.stop()
        await deps.storageThread?.stop()
        deps.store.close()
        deps.client.close()
      })()
      return stopping
    },
  }
}
