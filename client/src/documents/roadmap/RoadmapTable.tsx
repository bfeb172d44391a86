// The editable initiatives table: filters, sortable headers, one row per initiative, add/delete.
// Past ~100 initiatives only the rows near the view are rendered (useRowWindow), all of them when printing.
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { addInitiative, removeInitiative } from '../../../../shared/documents/roadmap'
import type { Roadmap } from '../../../../shared/documents/roadmap'
import { windowMonths } from '../../../../shared/documents/roadmap-window'
import type { PresenceUser } from '../../../../shared/presence'
import { useBaselineBadge, type BoardBaseline } from '../common/useBoardBaseline'
import type { LocalUndo } from '../common/useLocalUndo'
import { useRowCallbacks } from '../common/useRowCallbacks'
import { usePrinting } from '../common/usePrinting'
import { useRowWindow } from '../common/useRowWindow'
import { WindowGap } from '../common/WindowGap'
import { RoadmapFilters } from './RoadmapFilters'
import { COLUMN_COUNT, RoadmapRow } from './RoadmapRow'
import { SortHeader } from './SortHeader'
import { filterInitiatives, isFiltered, NO_FILTER, sortInitiatives, type RoadmapFilter, type SortState } from './roadmap-view'

interface Props {
  roadmap: Roadmap
  ydoc: Y.Doc
  provider: WebsocketProvider | null
  user: PresenceUser
  canWrite: boolean
  write: LocalUndo['write']
  baseline: BoardBaseline | null
  highlight?: string[]
  undoControls: ReactNode
}

const COLUMNS = [
  { key: 'title', label: 'Initiative', className: 'cell-title' },
  { key: 'pillar', label: 'Pillar' },
  { key: 'startMonth', label: 'Start' },
  { key: 'endMonth', label: 'End' },
  { key: 'status', label: 'Status' },
  { key: 'oneOffCost', label: 'One-off', numeric: true, hint: 'One-off cost' },
  { key: 'runRateCost', label: 'Run-rate', numeric: true, hint: 'Annual run-rate cost' },
  { key: 'capacity', label: 'Cap. pw', numeric: true, hint: 'Capacity in person-weeks' },
  { key: 'risk', label: 'Risk' },
  { key: 'owner', label: 'Owner' },
] as const

export function RoadmapTable({ roadmap, ydoc, provider, user, canWrite, write, baseline, highlight, undoControls }: Props) {
  const [sort, setSort] = useState<SortState>({ key: 'order', direction: 'asc' })
  const [filter, setFilter] = useState<RoadmapFilter>(NO_FILTER)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const [confirming, setConfirming] = useState<string | null>(null)
  const [focusId, setFocusId] = useState<string | null>(null)
  const [addError, setAddError] = useState<string | null>(null)
  const months = useMemo(() => windowMonths(roadmap.windowStart), [roadmap.windowStart])
  const highlighted = useMemo(() => new Set(highlight ?? []), [highlight])
  const rows = useMemo(() => sortInitiatives(filterInitiatives(roadmap.initiatives, filter), sort), [roadmap.initiatives, filter, sort])
  const ids = useMemo(() => rows.map((r) => r.id), [rows])
  const box = useRef<HTMLDivElement>(null)
  const rowWindow = useRowWindow(ids, box, [confirming, focusId], usePrinting())

  const toggle = useCallback((id: string) =>
    setExpanded((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    }), [])
  const callbacksFor = useRowCallbacks({
    toggle,
    askDelete: setConfirming,
    cancelDelete: () => setConfirming(null),
    remove: (id) => {
      write(() => removeInitiative(ydoc, id))
      setConfirming(null)
    },
  })
  const badge = useBaselineBadge(baseline)

  const add = () => {
    const result = write(() => addInitiative(ydoc, {}))
    if (!result.ok) return setAddError(result.error)
    setAddError(null)
    setFilter(NO_FILTER)
    setFocusId(result.id)
  }

  return (
    <section className="board-section" aria-labelledby="roadmap-table-title">
      <div className="board-section-head">
        <h2 className="board-section-title" id="roadmap-table-title">Initiatives</h2>
        <RoadmapFilters filter={filter} onChange={setFilter} shown={rows.length} total={roadmap.initiatives.length} />
        {undoControls}
        {canWrite && (
          <button type="button" className="button small primary" onClick={add} data-testid="add-initiative">+ Add initiative</button>
        )}
      </div>
      {addError && <p className="form-error" role="alert">{addError}</p>}
      <div className={`table-scroll ${rowWindow.windowed ? 'is-windowed' : ''}`} ref={box}>
        <table className="board-table roadmap-table" data-testid="roadmap-table" aria-rowcount={rows.length + 1} onFocus={rowWindow.onFocus}>
          <colgroup>
            <col className="col-toggle" /><col className="col-title" /><col className="col-pillar" />
            <col className="col-month" /><col className="col-month" /><col className="col-status" />
            <col className="col-money" /><col className="col-money" /><col className="col-capacity" />
            <col className="col-risk" /><col className="col-owner" /><col className="col-actions" />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th aria-label="Details" />
              {COLUMNS.map((c) => (
                <SortHeader key={c.key} column={c.key} label={c.label} numeric={'numeric' in c} hint={'hint' in c ? c.hint : undefined} className={'className' in c ? c.className : undefined} sort={sort} onSort={setSort} />
              ))}
              <th aria-label="Actions" />
            </tr>
          </thead>
          {rowWindow.slices.map((slice) => {
            if (slice.kind === 'gap') return <WindowGap key={slice.key} height={slice.height} columns={COLUMN_COUNT} />
            const initiative = rows[slice.index]
            return (
              <RoadmapRow
                key={initiative.id}
                index={slice.index}
                measure={rowWindow.measure}
                initiative={initiative}
                months={months}
                ydoc={ydoc}
                provider={provider}
                user={user}
                canWrite={canWrite}
                write={write}
                expanded={expanded.has(initiative.id)}
                {...callbacksFor(initiative.id)}
                confirming={confirming === initiative.id}
                autoFocus={focusId === initiative.id}
                baseline={baseline?.rowIds.has(initiative.id) ? badge : null}
                highlighted={highlighted.has(initiative.id)}
              />
            )
          })}
        </table>
      </div>
      {rows.length === 0 && (
        <p className="empty small">
          {roadmap.initiatives.length === 0
            ? canWrite ? 'No initiatives yet. Add the first one to start the roadmap.' : 'No initiatives yet.'
            : isFiltered(filter) ? 'No initiatives match these filters.' : ''}
        </p>
      )}
    </section>
  )
}
