// Live block: the roadmap's five costliest initiatives and cost by pillar.
import { useMemo } from 'react'
import { PILLAR_LABELS } from '../../../../shared/documents/pillars'
import { readRoadmap } from '../../../../shared/documents/roadmap'
import { roadmapTotals } from '../../../../shared/documents/roadmap-totals'
import type { PickedSource } from '../common/pick-source'
import { formatMoney, monthLabel } from '../common/format'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useReadOnlyDoc } from '../common/useReadOnlyDoc'
import { RISK_LABELS, STATUS_LABELS } from '../roadmap/labels'
import { LiveBlock } from './LiveBlock'
import { pillarCostBars, topInitiatives } from './summary-view'

export function RoadmapBlock({ source, loading }: { source: PickedSource | null; loading: boolean }) {
  const { ydoc, synced } = useReadOnlyDoc(source?.document.id ?? null)
  const roadmap = useDocumentSnapshot(ydoc, readRoadmap)
  const top = useMemo(() => (roadmap ? topInitiatives(roadmap.initiatives, roadmap.windowStart, 5) : []), [roadmap])
  const bars = useMemo(() => (roadmap ? pillarCostBars(roadmapTotals(roadmap.initiatives, roadmap.windowStart)) : []), [roadmap])
  const currency = roadmap?.currency ?? 'USD'

  return (
    <LiveBlock recordId="summary-block:roadmap" title="Roadmap: largest initiatives" kindLabel="roadmap" source={source} loading={loading} synced={synced} testId="summary-roadmap-block">
      {roadmap && (
        <div className="summary-roadmap">
          {top.length === 0 ? <p className="empty small">No initiatives on the roadmap.</p> : (
            <table className="figures-table summary-table">
              <thead>
                <tr><th className="cell-title">Initiative</th><th>Pillar</th><th>When</th><th>Status</th><th>Risk</th><th className="numeric" title="One-off plus run-rate, for the months inside the twelve-month window: the roadmap's totals add these up">Cost in window</th></tr>
              </thead>
              <tbody>
                {top.map((i) => (
                  <tr key={i.id} data-testid="summary-initiative">
                    <td className="strong cell-title">{i.title || 'Untitled'}</td>
                    <td>{i.pillar ? PILLAR_LABELS[i.pillar] : '—'}</td>
                    <td className="nowrap">{i.startMonth ? monthLabel(i.startMonth) : '—'} – {i.endMonth ? monthLabel(i.endMonth) : '—'}</td>
                    <td>{STATUS_LABELS[i.status]}</td>
                    <td><span className={`risk-chip risk-${i.risk}`}>{RISK_LABELS[i.risk]}</span></td>
                    <td className="numeric">{formatMoney(i.cost, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div className="pillar-bars" aria-label="Cost by pillar, twelve-month window">
            <h3 className="detail-label">Cost by pillar · 12-month window</h3>
            {bars.map((b) => (
              <div key={b.pillar} className="pillar-bar-row" data-pillar={b.pillar}>
                <span className="pillar-bar-label">{b.label}</span>
                <span className="pillar-bar-track"><span className="pillar-bar" style={{ width: `${b.fraction * 100}%` }} /></span>
                <span className="pillar-bar-value numeric">{formatMoney(b.value, currency)}</span>
              </div>
            ))}
          </div>
        </div>
      )}
    </LiveBlock>
  )
}
