import type { ConnectionState, NoAccessReason } from '../sync/connection-state'

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — edits kept',
  'signed-out': 'Signed out',
  'no-access': 'No access',
}

const NO_ACCESS_LABELS: Record<NoAccessReason, string> = {
  archived: 'Archived',
  forbidden: 'No access',
  'not-found': 'Not found',
  rejected: 'Sync stopped',
}

interface ConnectionBadgeProps {
  state: ConnectionState
  noAccessReason?: NoAccessReason | null
  unsentChanges?: number
}

/** The sync connection state, in words. data-state carries the raw state for tests. */
export function ConnectionBadge({ state, noAccessReason, unsentChanges = 0 }: ConnectionBadgeProps) {
  const label = state === 'no-access' && noAccessReason ? NO_ACCESS_LABELS[noAccessReason] : LABELS[state]
  const title =
    unsentChanges > 0 ? `${unsentChanges} local change${unsentChanges === 1 ? '' : 's'} not yet sent; they are kept and sent on reconnect` : undefined
  return (
    <span
      className={`badge connection-badge state-${state}`}
      data-testid="connection-status"
      data-state={state}
      data-unsent={unsentChanges}
      role="status"
      aria-live="polite"
      title={title}
    >
      <span className="badge-dot" aria-hidden="true" />
      {label}
    </span>
  )
}
