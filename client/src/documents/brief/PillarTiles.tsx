// The eight pillar tiles: status colour, trend arrow. Used by the brief (click scrolls to the
// section) and by the board summary's live block.
import type { BriefSection } from '../../../../shared/documents/brief'
import { BRIEF_STATUS_LABELS, TREND_ARROWS, TREND_LABELS } from './brief-labels'

interface Props {
  sections: BriefSection[]
  onSelect?: (pillar: string) => void
  /** Pillars to mark as changed (since the board meeting, or between versions). */
  marked?: ReadonlySet<string>
}

export function PillarTiles({ sections, onSelect, marked }: Props) {
  return (
    <ol className="pillar-tiles" aria-label="Pillar status">
      {sections.map((s) => {
        const content = (
          <>
            <span className="tile-label">{s.label}</span>
            <span className="tile-status">
              <span className="status-dot" aria-hidden="true" />
              {BRIEF_STATUS_LABELS[s.status]}
            </span>
            <span className="tile-trend" title={TREND_LABELS[s.trend]} aria-hidden="true">
              {TREND_ARROWS[s.trend]}
            </span>
            <span className="visually-hidden">, trend {TREND_LABELS[s.trend].toLowerCase()}</span>
            {marked?.has(s.pillar) && (
              <>
                <span className="tile-mark" title="Changed" aria-hidden="true" />
                <span className="visually-hidden">, changed</span>
              </>
            )}
          </>
        )
        const attrs = {
          className: `pillar-tile status-${s.status} trend-${s.trend}`,
          'data-testid': 'pillar-tile',
          'data-pillar': s.pillar,
          'data-status': s.status,
          'data-trend': s.trend,
        }
        return (
          <li key={s.pillar}>
            {onSelect ? (
              <button type="button" {...attrs} onClick={() => onSelect(s.pillar)}>
                {content}
                <span className="visually-hidden">. Go to the section</span>
              </button>
            ) : (
              <div {...attrs}>{content}</div>
            )}
          </li>
        )
      })}
    </ol>
  )
}
