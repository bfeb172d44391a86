// One authenticated WebSocket connection to a document room. Decided once, at the upgrade.
import type { Role } from '../../shared/roles'

export interface SyncUser { id: string; name: string; email: string }

export interface Connection {
  readonly id: number
  readonly user: SyncUser
  readonly sessionId: string
  role: Role
  canWrite: boolean
  /** Awareness client ids this connection has announced; only it may update or remove them. */
  readonly awarenessClientIds: Set<number>
  isOpen(): boolean
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
}

let nextConnectionId = 1
export function newConnectionId(): number {
  return nextConnectionId++
}
