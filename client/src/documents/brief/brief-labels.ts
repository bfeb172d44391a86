// Labels and symbols for pillar status and trend.
import { BRIEF_STATUSES, BRIEF_TRENDS } from '../../../../shared/documents/brief'
import type { BriefStatus, BriefTrend } from '../../../../shared/documents/brief'

export const BRIEF_STATUS_LABELS: Record<BriefStatus, string> = { 'on-track': 'On track', watch: 'Watch', 'at-risk': 'At risk' }
export const TREND_LABELS: Record<BriefTrend, string> = { improving: 'Improving', steady: 'Steady', declining: 'Declining' }
export const TREND_ARROWS: Record<BriefTrend, string> = { improving: '↗', steady: '→', declining: '↘' }

export const BRIEF_STATUS_OPTIONS = BRIEF_STATUSES.map((s) => ({ value: s, label: BRIEF_STATUS_LABELS[s] }))
export const TREND_OPTIONS = BRIEF_TRENDS.map((t) => ({ value: t, label: `${TREND_ARROWS[t]} ${TREND_LABELS[t]}` }))
