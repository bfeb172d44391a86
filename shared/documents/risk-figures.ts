// Derived risk figures.
// Decision: a risk or incident is "high" when it is still active (open or mitigating) and
// severity × likelihood ≥ 15 (e.g. 5×3, 4×4, 3×5) or severity is 5: a catastrophic impact is
// reported to the board however unlikely it looks.
import type { Risk } from './risks'

export const HIGH_SCORE = 15
export const HEAT_SIZE = 5

type Scored = Pick<Risk, 'severity' | 'likelihood' | 'status'>

export function isActiveRisk(r: Pick<Risk, 'status'>): boolean {
  return r.status === 'open' || r.status === 'mitigating'
}

/** severity × likelihood, or null when either is unknown. */
export function riskScore(r: Pick<Risk, 'severity' | 'likelihood'>): number | null {
  return r.severity !== null && r.likelihood !== null ? r.severity * r.likelihood : null
}

export function isHighRisk(r: Scored): boolean {
  if (!isActiveRisk(r)) return false
  const score = riskScore(r)
  return (score !== null && score >= HIGH_SCORE) || r.severity === 5
}

/** Active high risks, highest score first. */
export function openHighRisks<T extends Scored>(risks: T[]): T[] {
  return risks.filter(isHighRisk).sort((a, b) => (riskScore(b) ?? 0) - (riskScore(a) ?? 0))
}

/** counts[severity - 1][likelihood - 1] of active risks with both scores known. */
export function heatMap(risks: Scored[]): number[][] {
  const counts = Array.from({ length: HEAT_SIZE }, () => Array<number>(HEAT_SIZE).fill(0))
  for (const r of risks) {
    if (!isActiveRisk(r) || r.severity === null || r.likelihood === null) continue
    counts[r.severity - 1][r.likelihood - 1]++
  }
  return counts
}
