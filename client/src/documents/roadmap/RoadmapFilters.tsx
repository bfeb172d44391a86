// Filters for the initiatives table (local to this person; nothing is written to the document).
import type { InitiativeStatus, RiskLevel } from '../../../../shared/documents/roadmap'
import type { PillarKey } from '../../../../shared/documents/pillars'
import { PILLAR_OPTIONS, RISK_OPTIONS, STATUS_OPTIONS } from './labels'
import { isFiltered, NO_FILTER, type RoadmapFilter } from './roadmap-view'

interface Props {
  filter: RoadmapFilter
  onChange: (filter: RoadmapFilter) => void
  shown: number
  total: number
}

export function RoadmapFilters({ filter, onChange, shown, total }: Props) {
  return (
    <div className="filters" role="group" aria-label="Filter initiatives">
      <input type="search" className="filter-find" placeholder="Find…" aria-label="Find initiatives by title or owner" value={filter.find}
        data-testid="roadmap-find" onChange={(e) => onChange({ ...filter, find: e.target.value })} />
      <select aria-label="Filter by pillar" value={filter.pillar} onChange={(e) => onChange({ ...filter, pillar: e.target.value as PillarKey | 'all' })}>
        <option value="all">All pillars</option>
        {PILLAR_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <select aria-label="Filter by status" value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value as InitiativeStatus | 'all' })}>
        <option value="all">All statuses</option>
        {STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <select aria-label="Filter by risk" value={filter.risk} onChange={(e) => onChange({ ...filter, risk: e.target.value as RiskLevel | 'all' })}>
        <option value="all">All risks</option>
        {RISK_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label} risk</option>)}
      </select>
      {isFiltered(filter) && (
        <>
          <span className="filter-count">{shown} of {total}</span>
          <button type="button" className="button small subtle" onClick={() => onChange(NO_FILTER)}>Clear</button>
        </>
      )}
    </div>
  )
}
