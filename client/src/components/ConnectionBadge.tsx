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
  /** Connected, but showing remote changes more than a second late (useRenderLag). */
  behind?: boolean
}

/** The sync connection state, in words. data-state carries the raw state for tests; data-behind the lag. */
export function ConnectionBadge({ state, noAccessReason, unsentChanges = 0, behind = false }: ConnectionBadgeProps) {
  const isBehind = behind && state === 'connected'
  const label = isBehind ? 'Behind — catching up' : state === 'no-access' && noAccessReason ? NO_ACCESS_LABELS[noAccessReason] : LABELS[state]
  const title = isBehind
    ? 'Others’ changes are arriving faster than this page can show them; what you see may be more than a second old'
    : unsentChanges > 0 ? `${unsentChanges} local change${unsentChanges === 1 ? '' : 's'} not yet sent; they are kept and sent on reconnect` : undefined
  return (
    <span
      className={`badge connection-badge state-${state}${isBehind ? ' is-behind' : ''}`}
      data-testid="connection-status"
      data-state={state}
      data-unsent={unsentChanges}
      data-behind={isBehind || undefined}
      role="status"
      aria-live="polite"
      title={title}
    >
      <span className="badge-dot" aria-hidden="true" />
      {label}
    </span>
  )
}
