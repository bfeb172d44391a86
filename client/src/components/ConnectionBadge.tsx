import type { ConnectionState, NoAccessReason } from '../sync/connection-state'
import type { LocalCopyState } from '../sync/useDocumentSync'

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  'signed-out': 'Signed out',
  'no-access': 'No access',
}

/** Offline, where a writer's edits are: only a loaded IndexedDB copy survives a closed tab. */
const OFFLINE_LABELS: Record<LocalCopyState, string> = {
  browser: 'Offline — edits saved in this browser',
  tab: 'Offline — edits kept while this tab is open',
  none: 'Offline',
}

const UNSENT_TITLES: Record<LocalCopyState, string> = {
  browser: 'saved in this browser and sent when you are back online',
  tab: 'kept in this tab and sent on reconnect; closing the tab loses them',
  none: 'kept in this tab and sent on reconnect',
}

const NO_ACCESS_LABELS: Record<NoAccessReason, string> = {
  archived: 'Archived',
  forbidden: 'No access',
  'not-found': 'Not found',
  damaged: 'Cannot be opened',
  rejected: 'Sync stopped',
}

interface ConnectionBadgeProps {
  state: ConnectionState
  noAccessReason?: NoAccessReason | null
  unsentChanges?: number
  localCopy?: LocalCopyState
  /** Connected, but showing remote changes more than a second late (useRenderLag). */
  behind?: boolean
}

/** The sync connection state, in words. data-state carries the raw state for tests; data-behind the lag. */
export function ConnectionBadge({ state, noAccessReason, unsentChanges = 0, localCopy = 'tab', behind = false }: ConnectionBadgeProps) {
  const isBehind = behind && state === 'connected'
  const label = isBehind
    ? 'Behind — catching up'
    : state === 'no-access' && noAccessReason ? NO_ACCESS_LABELS[noAccessReason] : state === 'offline' ? OFFLINE_LABELS[localCopy] : LABELS[state]
  const title = isBehind
    ? 'Others’ changes are arriving faster than this page can show them; what you see may be more than a second old'
    : unsentChanges > 0 ? `${unsentChanges} local change${unsentChanges === 1 ? '' : 's'} not yet sent; ${UNSENT_TITLES[localCopy]}` : undefined
  return (
    <span
      className={`badge connection-badge state-${state}${isBehind ? ' is-behind' : ''}`}
      data-testid="connection-status"
      data-state={state}
      data-unsent={unsentChanges}
      data-local-copy={localCopy}
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
