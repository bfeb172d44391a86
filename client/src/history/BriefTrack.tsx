// The brief quarter over quarter: each pillar's status at every board meeting, oldest → newest.
import { useEffect, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { api, errorMessage } from '../api'
import { FormError } from '../components/FormError'
import { boardVersions, briefTrack } from './brief-track'
import { statusLabel } from './compare/status'
import type { VersionSummaryDto } from '../../../shared/api'

export function BriefTrack({ documentId, versions }: { documentId: string; versions: VersionSummaryDto[] }) {
  const board = useMemo(() => boardVersions(versions), [versions])
  const wanted = board.map((v) => v.version).join(',')
  const [projections, setProjections] = useState<Map<number, unknown> | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!wanted) return
    const controller = new AbortController()
    const numbers = wanted.split(',').map(Number)
    Promise.all(numbers.map((n) => api.getVersion(documentId, n, controller.signal)))
      .then((results) => setProjections(new Map(results.map((r, i) => [numbers[i], r.projection]))))
      .catch((err) => {
        if (!controller.signal.aborted) setError(errorMessage(err))
      })
    return () => controller.abort()
  }, [documentId, wanted])

  if (board.length === 0) {
    return (
      <section className="brief-track-section">
        <h2 className="side-title">Quarter over quarter</h2>
        <p className="muted small-text">Each board meeting saves the brief; pillars will line up here quarter by quarter.</p>
      </section>
    )
  }
  const track = briefTrack(versions, projections ?? new Map())
  return (
    <section className="brief-track-section" aria-labelledby="brief-track-title">
      <h2 className="side-title" id="brief-track-title">
        Quarter over quarter <span className="count">board meetings</span>
      </h2>
      <FormError message={error} />
      <div className="brief-track-scroll">
        <table className="brief-track" data-testid="brief-track" aria-busy={!projections}>
          <thead>
            <tr>
              <th scope="col">Pillar</th>
              {track.columns.map((c) => (
                <th scope="col" key={c.version}>
                  <Link to={`?version=${c.version}`} title={`v${c.version} · ${c.label}`}>
                    {c.quarter}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {track.rows.map((row) => (
              <tr key={row.pillar} data-pillar={row.pillar}>
                <th scope="row">{row.label}</th>
                {row.cells.map((status, i) => (
                  <td key={track.columns[i].version}>
                    <span
                      className={`track-cell status-${status ?? 'none'}`}
                      data-testid="track-cell"
                      data-status={status ?? ''}
                      title={`${row.label}, ${track.columns[i].quarter}: ${projections ? statusLabel(status) : 'loading'}`}
                    >
                      <span className="visually-hidden">{statusLabel(status)}</span>
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="track-legend">
        <span className="track-cell status-on-track" aria-hidden="true" /> On track
        <span className="track-cell status-watch" aria-hidden="true" /> Watch
        <span className="track-cell status-at-risk" aria-hidden="true" /> At risk
      </p>
    </section>
  )
}
