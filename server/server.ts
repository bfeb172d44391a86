// Assembles a running Quorum server: database, stores, sync rooms, the Hono app and the
// WebSocket server (ws, with the frame size limit enforced as close code 1009).
import { serve, type ServerType } from '@hono/node-server'
import { pino } from 'pino'
import { WebSocketServer } from 'ws'
import type { AppDeps } from './app-deps'
import { createApp } from './app'
import { LoginThrottle } from './auth/login-throttle'
import { SignupThrottle } from './auth/signup-throttle'
import { SESSION_INACTIVITY_TIMEOUT_MS, SessionStore } from './auth/sessions'
import type { Config } from './config'
import { openDatabase, openStorageConnection } from './db/client'
import { DocumentWork } from './documents/document-work'
import { DocumentStore } from './storage/document-store'
import { CommitQueue } from './sync/commit-queue'
import { startHeartbeat } from './sync/heartbeat'
import { SearchIndexer } from './search/search-indexer'
import { RoomRegistry } from './sync/room-registry'
import { VersionStore } from './versions/version-store'
import { CloseCode, CloseReason } from '../shared/close-codes'
import { recheckAccess } from './sync/access-recheck'
import { RedisFanout } from './cluster/redis-fanout'
import { newId } from './ids'
import { createMailer } from './mail/mailer'
import { startDigestSweeps } from './notifications/email-digest'
import { InboxHub } from './notifications/inbox-hub'

export interface RunningServer {
  deps: AppDeps
  port: number
  /** Stops accepting, closes sync connections (1001), commits what was received, closes the database. */
  stop(): Promise<void>
}

export async function buildDeps(config: Config): Promise<AppDeps> {
  const log = pino({ level: config.LOG_LEVEL })
  const now = Date.now
  const database = await openDatabase({ url: config.DATABASE_URL, synchronous: config.DB_SYNCHRONOUS })
  const { db, client } = database
  const storage = await openStorageConnection(database, config.DATABASE_URL, (err) => log.error({ err: err.message }, 'WAL checkpoint thread failed; restarting it'))
  const store = new DocumentStore(storage.db, now, storage.close, storage.log, storage.reopen)
  const commits = new CommitQueue(store, (err) => log.error({ err: err.message }, 'commit failed; senders were disconnected and will resend'))
  // Several instances: the rows each commits reach the others through Redis (server/cluster).
  const instanceId = newId()
  const fanout = config.REDIS_URL ? new RedisFanout(config.REDIS_URL, instanceId, log, config.tuning.catchUpSweepMs) : null
  const documentWork = new DocumentWork({ url: config.DATABASE_URL, synchronous: database.synchronous }, (err) => log.error({ err: err.message }, 'document worker failed; its request was answered 503 or 500'))
  const search = new SearchIndexer(db, documentWork, log)
  const rooms = new RoomRegistry(store, commits, {
    compactThreshold: config.tuning.compactThreshold,
    compactionLeaseMs: config.tuning.compactionLeaseMs,
    unloadAfterMs: config.tuning.unloadAfterMs,
    instanceId,
    log,
    fanout,
    onDocumentChanged: (room) => search.schedule(room),
  })
  fanout?.serve(rooms)
  const inbox = new InboxHub(fanout ? (userIds) => fanout.publishInbox(userIds) : null)
  fanout?.serveInbox((userIds) => inbox.changedElsewhere(userIds))
  return {
    config, db, client, reopenDatabase: database.reopen, store, commits, rooms, fanout, log, now,
    versions: new VersionStore(db),
    documentWork, search, inbox,
    sessions: new SessionStore(db, SESSION_INACTIVITY_TIMEOUT_MS, now),
    throttle: new LoginThrottle(db, now),
    resetThrottle: new LoginThrottle(db, now, 'reset:'),
    totpThrottle: new LoginThrottle(db, now, 'totp:'),
    signupThrottle: new SignupThrottle(db, config.tuning.signupsPerAddressPerHour, now),
    mailer: createMailer(config.SMTP_URL, log),
  }
}

export async function startServer(deps: AppDeps, opts: { clientDir?: string } = {}): Promise<RunningServer> {
  const app = createApp(deps, opts)
  // No compression: Yjs updates are small and mostly binary; deflating every relay costs CPU for little.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.config.tuning.maxMessageBytes, perMessageDeflate: false })
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: deps.config.PORT, hostname: deps.config.HOST, websocket: { server: wss } }, () => resolve(s))
  })
  const heartbeat = startHeartbeat(wss, deps.config.tuning.heartbeatMs, deps.log)
  // Expired sessions' sockets, and (several instances) a revocation whose Redis message was lost.
  const recheck = setInterval(() => {
    recheckAccess(deps.db, deps.rooms, deps.sessions.expiredBefore()).catch((err: Error) => deps.log.error({ err: err.message }, 'access re-check failed'))
  }, deps.config.tuning.accessRecheckMs)
  recheck.unref()
  const digests = startDigestSweeps(deps)
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
        clearInterval(recheck)
        digests?.stop()
        await deps.rooms.shutdown(CloseCode.goingAway, CloseReason[CloseCode.goingAway])
        await deps.fanout?.close()
        for (const ws of wss.clients) ws.terminate()
        deps.store.close()
        deps.search.close()
        await deps.documentWork.close()
        deps.client.close()
      })()
      return stopping
    },
  }
}
