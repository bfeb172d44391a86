// How values read in a comparison: field names as words, money, person-weeks, signed deltas.
import { PILLAR_LABELS, isPillarKey } from '../../../../shared/documents/pillars'
import { formatCapacity, formatMoneyCompact, formatMoney as sharedFormatMoney } from '../../../../shared/format/numbers'

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  pillar: 'Pillar',
  startMonth: 'Start',
  endMonth: 'End',
  status: 'Status',
  oneOffCost: 'One-off cost',
  runRateCost: 'Run-rate cost',
  capacity: 'Capacity',
  risk: 'Risk',
  riskNote: 'Risk note',
  owner: 'Owner',
  description: 'Description',
  name: 'Name',
  category: 'Category',
  annualValue: 'Annual value',
  renewalDate: 'Renewal date',
  noticeDays: 'Notice (days)',
  assessment: 'Assessment',
  history: 'History',
  question: 'Question',
  options: 'Options',
  dueDate: 'Due date',
  outcome: 'Outcome',
  decidedOn: 'Decided on',
  createdOn: 'Created on',
  context: 'Context',
  kind: 'Kind',
  severity: 'Severity',
  likelihood: 'Likelihood',
  mitigation: 'Mitigation',
  openedOn: 'Opened on',
  closedOn: 'Closed on',
  reviewedOn: 'Reviewed on',
  quarterLabel: 'Quarter',
}

export function fieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field]
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Fields holding a keyword ('in-progress'), shown as words ('In progress'). */
const ENUM_FIELDS = new Set(['status', 'risk', 'assessment', 'kind'])
const MONEY_FIELDS = new Set(['oneOffCost', 'runRateCost', 'annualValue', 'totalCost'])

/** Money in a comparison: exact below 10,000, compact above ('$1.2M'), as everywhere (shared/format/numbers.ts). */
export function formatMoney(amount: number, currency = 'USD', signed = false): string {
  return Math.abs(amount) >= 10_000 ? formatMoneyCompact(amount, currency, { signed }) : sharedFormatMoney(amount, currency, { signed })
}

/** Person-weeks and other figures, one decimal at most. */
export function formatNumber(n: number, signed = false): string {
  return formatCapacity(n, { signed })
}

/** A field's value as text; "—" for empty. */
export function formatValue(field: string, value: unknown, currency = 'USD'): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'number' && MONEY_FIELDS.has(field)) return formatMoney(value, currency)
  if (field === 'capacity' && typeof value === 'number') return `${formatNumber(value)} pw`
  if (field === 'pillar' && isPillarKey(value)) return PILLAR_LABELS[value]
  if (typeof value === 'number') return formatNumber(value)
  if (typeof value === 'string' && ENUM_FIELDS.has(field)) return (value.charAt(0).toUpperCase() + value.slice(1)).replace(/-/g, ' ')
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`
  return JSON.stringify(value)
}

/** 'up' / 'down' / 'none', for colouring a delta. */
export function direction(delta: number): 'up' | 'down' | 'none' {
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'none'
}
