// What every server launcher gives the orchestrator and the load generator.
/**
 * 'quorum-base': another checkout of Quorum (BENCH_QUORUM_BASE_ROOT, e.g. main) in the same
 * invocation, for an A/B of a change under the same machine load. Not a reference.
 */
export type ServerKind = 'quorum' | 'quorum-base' | 'y-websocket' | 'hocuspocus'
export const SERVER_KINDS: readonly ServerKind[] = ['quorum', 'quorum-base', 'y-websocket', 'hocuspocus']
export const REFERENCE_KINDS: readonly ServerKind[] = ['y-websocket', 'hocuspocus']
/** Both Quorum kinds speak Quorum's API (auth, documents, /api/health commit figures). */
export const isQuorum = (kind: ServerKind): boolean => kind === 'quorum' || kind === 'quorum-base'

/** Serialisable description of a running server, handed to the load generator. */
export interface ServerInfo {
  kind: ServerKind
  port: number
  /** http://127.0.0.1:<port> */
  url: string
  pid: number
  /** Several instances of one server (the cluster scenario): each one's URL, this one first. */
  instanceUrls?: string[]
}

export interface RunningServer extends ServerInfo {
  output(): string
  /** SIGTERM, wait for exit (SIGKILL after a grace period), remove temporary files. */
  stop(): Promise<void>
}

export interface LaunchOptions {
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[]
  /** Quorum: a database shared with other instances instead of a fresh one of its own. */
  databaseUrl?: string
  /** Quorum: more environment (REDIS_URL for several instances). */
  env?: Record<string, string>
}
