// Brief compare: each pillar's status and trend before → after (moved pillars highlighted),
// owner/review changes, and the narrative as a word diff.
import type { BriefComparison } from '../../../../shared/documents/compare-brief'
import { FieldChanges } from './FieldChanges'
import { StatusChip, TrendLabel } from './status'
import { TextDiff } from './TextDiff'

export function BriefCompare({ comparison }: { comparison: BriefComparison }) {
  const moved = comparison.pillars.filter((p) => p.moved).length
  const narratives = comparison.pillars.filter((p) => p.narrative.changed || p.fields.length > 0)
  return (
    <div className="compare-kind brief-compare">
      <section className="compare-section">
        <h3 className="compare-title">
          Pillars <span className="count">{moved === 0 ? 'none moved' : `${moved} moved`}</span>
        </h3>
        <table className="pillar-compare">
          <thead>
            <tr>
              <th scope="col">Pillar</th>
              <th scope="col">Status</th>
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {comparison.pillars.map((p) => (
              <tr
                key={p.pillar}
                className={p.moved ? `moved ${p.direction}` : ''}
                data-pillar={p.pillar}
                data-testid={p.moved ? 'compare-moved-pillar' : 'compare-pillar'}
              >
                <th scope="row">
                  {p.label}
                  {p.direction !== 'same' && <span className={`direction ${p.direction}`}>{p.direction === 'better' ? 'better' : 'worse'}</span>}
                </th>
                <td>
                  {p.status.before !== p.status.after ? (
                    <>
                      <StatusChip status={p.status.before} /> <span className="arrow">→</span> <StatusChip status={p.status.after} />
                    </>
                  ) : (
                    <StatusChip status={p.status.after} />
                  )}
                </td>
                <td>
                  {p.trend.before !== p.trend.after ? (
                    <>
                      <span className="before">
                        <TrendLabel trend={p.trend.before} />
                      </span>{' '}
                      <span className="arrow">→</span> <TrendLabel trend={p.trend.after} />
                    </>
                  ) : (
                    <TrendLabel trend={p.trend.after} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="compare-section">
        <h3 className="compare-title">Narratives</h3>
        {narratives.length === 0 && <p className="muted compare-empty">No narrative changed.</p>}
        {narratives.map((p) => (
          <div key={p.pillar} className="narrative-diff" data-pillar={p.pillar}>
            <h4 className="narrative-title">{p.label}</h4>
            <FieldChanges changes={p.fields} />
            {p.narrative.changed && <TextDiff ops={p.narrative.diff} />}
          </div>
        ))}
      </section>
    </div>
  )
}
