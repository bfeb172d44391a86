// Who is editing which table cell, from awareness (`editing: { rowId, field }` beside the `user`
// the server stamps). One map cell → editors is rebuilt per awareness change, and only the cells
// whose editors changed are told, so a 500-row table does not re-render when someone moves.
import type { Awareness } from 'y-protocols/awareness'
import { readUser } from './presence-entries'

export interface CellRef {
  rowId: string
  field: string
}

export interface CellEditor {
  clientId: number
  userId: string
  name: string
  color: string
}

const MAX_KEY_PART = 200
const NONE: readonly CellEditor[] = Object.freeze([])

export const cellKey = (rowId: string, field: string): string => `${rowId}\u0000${field}`

/** A client's `editing` field, or null when absent or not a plausible cell (any client may send anything). */
export function readEditing(value: unknown): CellRef | null {
  if (!value || typeof value !== 'object') return null
  const { rowId, field } = value as Record<string, unknown>
  if (typeof rowId !== 'string' || typeof field !== 'string') return null
  if (!rowId || !field || rowId.length > MAX_KEY_PART || field.length > MAX_KEY_PART) return null
  return { rowId, field }
}

const signature = (editors: readonly CellEditor[]) => editors.map((e) => `${e.clientId}:${e.name}:${e.color}`).join('|')

export class CellPresence {
  private byCell = new Map<string, readonly CellEditor[]>()
  private listeners = new Map<string, Set<() => void>>()
  private mine: CellRef | null = null

  constructor(private readonly awareness: Awareness) {
    awareness.on('change', this.recompute)
    this.recompute()
  }

  /** The other clients on this cell (a stable array until they change). */
  editorsOf(key: string): readonly CellEditor[] {
    return this.byCell.get(key) ?? NONE
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key)
    if (!set) this.listeners.set(key, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(key)
    }
  }

  /** Announces the cell this person is editing (null: none). Read-only cells do not announce: a viewer is not editing. */
  setEditing(cell: CellRef | null): void {
    const same = cell && this.mine && cell.rowId === this.mine.rowId && cell.field === this.mine.field
    if (same || (cell === null && this.mine === null)) return
    this.mine = cell
    this.awareness.setLocalStateField('editing', cell)
  }

  /** Leaves `cell` if it is still the announced one (a blur after the next focus must not clear it). */
  leave(cell: CellRef): void {
    if (this.mine && this.mine.rowId === cell.rowId && this.mine.field === cell.field) this.setEditing(null)
  }

  destroy(): void {
    this.awareness.off('change', this.recompute)
    if (this.mine && this.awareness.getLocalState() !== null) this.awareness.setLocalStateField('editing', null)
    this.mine = null
    this.listeners.clear()
  }

  private readonly recompute = (): void => {
    const next = new Map<string, CellEditor[]>()
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID || !state) return
      const cell = readEditing((state as { editing?: unknown }).editing)
      const user = cell && readUser((state as { user?: unknown }).user)
      if (!cell || !user) return
      const key = cellKey(cell.rowId, cell.field)
      const list = next.get(key) ?? []
      list.push({ clientId, userId: user.id, name: user.name, color: user.color })
      next.set(key, list)
    })
    const changed: string[] = []
    for (const [key, list] of next) {
      list.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
      if (signature(list) !== signature(this.editorsOf(key))) changed.push(key)
    }
    for (const key of this.byCell.keys()) if (!next.has(key)) changed.push(key)
    for (const key of changed) {
      const list = next.get(key)
      if (list) this.byCell.set(key, list)
      else this.byCell.delete(key)
    }
    for (const key of changed) for (const listener of [...(this.listeners.get(key) ?? [])]) listener()
  }
}
