// Pure view logic of the risk log: heat-map tones and the table's filter.
import { HIGH_SCORE, isActiveRisk } from '../../../../shared/documents/risk-figures'
import type { Risk } from '../../../../shared/documents/risks'

export type HeatTone = 'high' | 'medium' | 'low'
/** From this score a risk needs active attention (below the board's "high" threshold). */
export const MEDIUM_SCORE = 8

/** The tone of a heat-map cell; matches isHighRisk (score ≥ 15, or severity 5). */
export function heatTone(severity: number, likelihood: number): HeatTone {
  const score = severity * likelihood
  if (score >= HIGH_SCORE || severity === 5) return 'high'
  return score >= MEDIUM_SCORE ? 'medium' : 'low'
}

export interface HeatCell {
  severity: number
  likelihood: number
}

export interface RiskFilter {
  cell: HeatCell | null
  /** Closed risks are hidden unless asked for. */
  showClosed: boolean
}

export function filterRisks<R extends Pick<Risk, 'severity' | 'likelihood' | 'status'>>(risks: readonly R[], filter: RiskFilter): R[] {
  return risks.filter((r) => {
    if (filter.cell) return isActiveRisk(r) && r.severity === filter.cell.severity && r.likelihood === filter.cell.likelihood
    return filter.showClosed || r.status !== 'closed'
  })
}
