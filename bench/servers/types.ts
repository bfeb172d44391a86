// What every server launcher gives the orchestrator and the load generator.
export type ServerKind = 'quorum' | 'y-websocket' | 'hocuspocus'
export const SERVER_KINDS: readonly ServerKind[] = ['quorum', 'y-websocket', 'hocuspocus']
export const REFERENCE_KINDS: readonly ServerKind[] = ['y-websocket', 'hocuspocus']

/** Serialisable description of a running server, handed to the load generator. */
export interface ServerInfo {
  kind: ServerKind
  port: number
  /** http://127.0.0.1:<port> */
  url: string
  pid: number
}

export interface RunningServer extends ServerInfo {
  output(): string
  /** SIGTERM, wait for exit (SIGKILL after a grace period), remove temporary files. */
  stop(): Promise<void>
}

export interface LaunchOptions {
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeArgs?: string[]
}
