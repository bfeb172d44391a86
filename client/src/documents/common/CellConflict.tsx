// "Sam changed this to X" under a number, date or select cell that someone else changed while this
// person was in it: last writer wins for these values, so nobody's value goes without being seen.
// The buttons keep focus in the cell (mousedown), so choosing does not commit the cell on blur.
export interface CellConflictProps {
  who: readonly string[]
  /** Their value as the cell shows it. */
  theirs: string
  takeLabel: string
  keepLabel: string
  onTake: () => void
  onKeep: () => void
}

const keepFocus = (e: { preventDefault: () => void }) => e.preventDefault()

export function CellConflict({ who, theirs, takeLabel, keepLabel, onTake, onKeep }: CellConflictProps) {
  const name = who.length > 0 ? who.join(', ') : 'Someone'
  return (
    <div className="cell-conflict" role="status" data-testid="cell-conflict">
      <span>
        {name} changed this to <strong>{theirs || 'empty'}</strong>
      </span>
      <span className="cell-conflict-actions">
        <button type="button" className="button small subtle" onMouseDown={keepFocus} onClick={onTake} data-testid="conflict-take">{takeLabel}</button>
        <button type="button" className="button small subtle" onMouseDown={keepFocus} onClick={onKeep} data-testid="conflict-keep">{keepLabel}</button>
      </span>
    </div>
  )
}

/** True when focus is moving to something inside the same cell (its conflict buttons). */
export function focusStaysInCell(e: { currentTarget: Element; relatedTarget: EventTarget | null }): boolean {
  const container = e.currentTarget.closest('.cell-field')
  return !!container && e.relatedTarget instanceof Node && container.contains(e.relatedTarget)
}
