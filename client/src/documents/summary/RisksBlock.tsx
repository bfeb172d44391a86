// Live block: active high risks (severity × likelihood ≥ 15, or severity 5), highest first.
import { useMemo } from 'react'
import { PILLAR_LABELS } from '../../../../shared/documents/pillars'
import { openHighRisks, riskScore } from '../../../../shared/documents/risk-figures'
import { readRisks } from '../../../../shared/documents/risks'
import type { PickedSource } from '../common/pick-source'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useReadOnlyDoc } from '../common/useReadOnlyDoc'
import { LiveBlock } from './LiveBlock'

export function RisksBlock({ source, loading }: { source: PickedSource | null; loading: boolean }) {
  const { ydoc, synced } = useReadOnlyDoc(source?.document.id ?? null)
  const log = useDocumentSnapshot(ydoc, readRisks)
  const high = useMemo(() => (log ? openHighRisks(log.risks) : []), [log])

  return (
    <LiveBlock recordId="summary-block:risks" title="Open high risks" kindLabel="risk log" source={source} loading={loading} synced={synced} testId="summary-risks-block">
      {log && (high.length === 0 ? <p className="empty small">No open high risks.</p> : (
        <table className="figures-table summary-table">
          <thead>
            <tr><th className="cell-title">Risk or incident</th><th>Pillar</th><th className="numeric" title="Severity × likelihood">Score</th><th>Owner</th><th>Mitigation</th></tr>
          </thead>
          <tbody>
            {high.map((r) => (
              <tr key={r.id} data-testid="summary-risk">
                <td className="strong cell-title">{r.title || 'Untitled'}{r.kind === 'incident' && <span className="muted"> · incident</span>}</td>
                <td>{r.pillar ? PILLAR_LABELS[r.pillar] : '—'}</td>
                <td className="numeric"><span className="score-pill high">{r.severity}×{r.likelihood} = {riskScore(r)}</span></td>
                <td>{r.owner || '—'}</td>
                <td className="mitigation-cell">{r.mitigation || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </LiveBlock>
  )
}
