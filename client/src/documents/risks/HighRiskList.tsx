// The active high risks at a glance, highest score first (what the board is asked to watch).
import { riskScore } from '../../../../shared/documents/risk-figures'
import type { Risk } from '../../../../shared/documents/risks'

export function HighRiskList({ risks }: { risks: Risk[] }) {
  return (
    <div className="high-risks">
      <h2 className="detail-label">High risks</h2>
      {risks.length === 0 ? (
        <p className="muted small-text">No active high risks.</p>
      ) : (
        <ol className="high-risk-list">
          {risks.map((r) => (
            <li key={r.id} className="high-risk-item">
              <span className="score-pill high">{riskScore(r)}</span>
              <span className="high-risk-title">{r.title || 'Untitled'}</span>
              <span className="muted">{r.owner}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
