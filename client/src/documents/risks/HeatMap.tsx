// 5×5 heat map of active risks: severity (rows, 5 at the top) × likelihood (columns). Each cell
// shows its count; clicking a cell filters the table to it, clicking again clears the filter.
// Each cell is a toggle button whose label reads its severity, likelihood and count.
import { heatTone, type HeatCell } from './risk-view'

interface Props {
  counts: number[][]
  selected: HeatCell | null
  onSelect: (cell: HeatCell | null) => void
}

const LEVELS = [1, 2, 3, 4, 5]

export function HeatMap({ counts, selected, onSelect }: Props) {
  return (
    <figure className="heat-map" aria-label="Active risks by severity and likelihood" data-testid="heat-map">
      <div className="heat-axis-y" aria-hidden="true">Severity</div>
      <div className="heat-grid">
        {[...LEVELS].reverse().map((severity) => (
          <div key={severity} className="heat-row">
            <span className="heat-tick" aria-hidden="true">{severity}</span>
            {LEVELS.map((likelihood) => {
              const count = counts[severity - 1]?.[likelihood - 1] ?? 0
              const isSelected = selected?.severity === severity && selected.likelihood === likelihood
              return (
                <button
                  key={likelihood}
                  type="button"
                  className={`heat-cell tone-${heatTone(severity, likelihood)} ${count ? 'has-risks' : ''} ${isSelected ? 'selected' : ''}`}
                  aria-pressed={isSelected}
                  aria-label={`Severity ${severity}, likelihood ${likelihood}: ${count} active`}
                  data-testid="heat-cell"
                  data-severity={severity}
                  data-likelihood={likelihood}
                  data-count={count}
                  onClick={() => onSelect(isSelected ? null : { severity, likelihood })}
                >
                  {count || ''}
                </button>
              )
            })}
          </div>
        ))}
        <div className="heat-row heat-ticks" aria-hidden="true">
          <span className="heat-tick" />
          {LEVELS.map((l) => <span key={l} className="heat-tick">{l}</span>)}
        </div>
      </div>
      <figcaption className="heat-axis-x">Likelihood</figcaption>
    </figure>
  )
}
