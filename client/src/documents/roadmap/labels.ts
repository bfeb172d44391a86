// Option lists and labels for roadmap selects.
import { INITIATIVE_STATUSES, RISK_LEVELS } from '../../../../shared/documents/roadmap'
import type { InitiativeStatus, RiskLevel } from '../../../../shared/documents/roadmap'
import { PILLAR_LABELS, PILLARS } from '../../../../shared/documents/pillars'

export const STATUS_LABELS: Record<InitiativeStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  cut: 'Cut',
}
export const RISK_LABELS: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High' }

export const PILLAR_OPTIONS = PILLARS.map((p) => ({ value: p, label: PILLAR_LABELS[p] }))
export const STATUS_OPTIONS = INITIATIVE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))
export const RISK_OPTIONS = RISK_LEVELS.map((r) => ({ value: r, label: RISK_LABELS[r] }))
