// Pillar status and trend as small coloured chips (on-track green, watch amber, at-risk red).
const STATUS_LABELS: Record<string, string> = { 'on-track': 'On track', watch: 'Watch', 'at-risk': 'At risk' }
const TREND_LABELS: Record<string, string> = { improving: '↗ Improving', steady: '→ Steady', declining: '↘ Declining' }

export function statusLabel(status: string | null): string {
  return status ? (STATUS_LABELS[status] ?? status) : 'No status'
}

export function StatusChip({ status }: { status: string | null }) {
  return <span className={`status-chip status-${status ?? 'none'}`}>{statusLabel(status)}</span>
}

export function TrendLabel({ trend }: { trend: string | null }) {
  return <span className={`trend trend-${trend ?? 'none'}`}>{trend ? (TREND_LABELS[trend] ?? trend) : '—'}</span>
}
