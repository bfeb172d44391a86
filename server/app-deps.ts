// What the HTTP app and the sync server are built from; injected so tests can build their own.
import type { Client } from '@libsql/client'
import type { Logger } from 'pino'
import type { LoginThrottle } from './auth/login-throttle'
import type { SignupThrottle } from './auth/signup-throttle'
import type { RedisFanout } from './cluster/redis-fanout'
import type { SessionStore, ValidSession } from './auth/sessions'
import type { Config } from './config'
import type { Db } from './db/client'
import type { DocumentWork } from './documents/document-work'
import type { Mailer } from './mail/mailer'
import type { SearchIndexer } from './search/search-indexer'
import type { InboxHub } from './notifications/inbox-hub'
import type { DocumentStore } from './storage/document-store'
import type { CommitQueue } from './sync/commit-queue'
import type { RoomRegistry } from './sync/room-registry'
import type { VersionStore } from './versions/version-store'

export interface AppDeps {
  config: Config
  db: Db
  client: Client
  /** A fresh connection for `db`/`client` (see isStatementLeftInProgress in db/sqlite-errors.ts). */
  reopenDatabase(): Promise<void>
  sessions: SessionStore
  throttle: LoginThrottle
  /** Password-reset requests and confirmations: the login throttle's rules, budgets of their own. */
  resetThrottle: LoginThrottle
  /** Two-factor codes (login, confirm, disable): the login throttle's rules, a budget of their own. */
  totpThrottle: LoginThrottle
  /** Sign-ups per client address (config.tuning.signupsPerAddressPerHour). */
  signupThrottle: SignupThrottle
  /** SMTP_URL set; null: nothing is e-mailed. */
  mailer: Mailer | null
  store: DocumentStore
  commits: CommitQueue
  rooms: RoomRegistry
  /** Several instances (REDIS_URL set); null for one process. */
  fanout: RedisFanout | null
  versions: VersionStore
  /** Open notification streams of this process, by person. */
  inbox: InboxHub
  /** Projection, compare and restore of documents, on a worker thread. */
  documentWork: DocumentWork
  /** Rewrites a document's search rows after its edits settle. */
  search: SearchIndexer
  log: Logger
  now: () => number
}

/** Hono environment: the session (if any) found by the session middleware. */
export interface AppEnv {
  Variables: { session: ValidSession | null }
}
