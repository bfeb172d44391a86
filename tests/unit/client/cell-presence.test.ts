// Cell presence: who is in which cell, from awareness, telling only the cells whose editors changed.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { CellPresence, cellKey, readEditing } from '../../../client/src/sync/cell-presence'

/** Our awareness, and a way to receive another client's state as the server relays it. */
function setup() {
  const mine = new Awareness(new Y.Doc())
  const others = new Map<string, Awareness>()
  const receive = (name: string, state: Record<string, unknown> | null) => {
    let other = others.get(name)
    if (!other) others.set(name, (other = new Awareness(new Y.Doc())))
    if (state) other.setLocalState(state)
    else other.setLocalState(null)
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(other, [other.clientID]), 'remote')
  }
  return { mine, receive }
}

const user = (name: string) => ({ id: `u-${name}`, name, color: '#2563eb', role: 'editor' })

describe('readEditing', () => {
  it('accepts a cell and refuses anything else', () => {
    expect(readEditing({ rowId: 'r1', field: 'title' })).toEqual({ rowId: 'r1', field: 'title' })
    for (const bad of [null, 'x', 3, [], {}, { rowId: 1, field: 'title' }, { rowId: 'r', field: '' }, { rowId: 'r'.repeat(500), field: 'f' }]) {
      expect(readEditing(bad)).toBeNull()
    }
  })
})

describe('CellPresence', () => {
  it('lists others per cell and notifies only the cells that changed', () => {
    const { mine, receive } = setup()
    const presence = new CellPresence(mine)
    const title = cellKey('r1', 'title')
    const owner = cellKey('r1', 'owner')
    const calls = { title: 0, owner: 0 }
    presence.subscribe(title, () => calls.title++)
    presence.subscribe(owner, () => calls.owner++)

    receive('sam', { user: user('Sam'), editing: { rowId: 'r1', field: 'title' } })
    expect(presence.editorsOf(title).map((e) => e.name)).toEqual(['Sam'])
    expect(calls).toEqual({ title: 1, owner: 0 })
    const list = presence.editorsOf(title)

    receive('ana', { user: user('Ana'), editing: null })
    expect(calls).toEqual({ title: 1, owner: 0 })
    expect(presence.editorsOf(title)).toBe(list)

    receive('ana', { user: user('Ana'), editing: { rowId: 'r1', field: 'title' } })
    expect(presence.editorsOf(title).map((e) => e.name)).toEqual(['Ana', 'Sam'])
    receive('sam', { user: user('Sam'), editing: { rowId: 'r1', field: 'owner' } })
    expect(presence.editorsOf(title).map((e) => e.name)).toEqual(['Ana'])
    expect(presence.editorsOf(owner).map((e) => e.name)).toEqual(['Sam'])
    expect(calls).toEqual({ title: 3, owner: 1 })

    receive('sam', null)
    expect(presence.editorsOf(owner)).toEqual([])
    expect(calls.owner).toBe(2)
  })

  it('ignores states without a user or with a damaged cell, and never lists itself', () => {
    const { mine, receive } = setup()
    const presence = new CellPresence(mine)
    receive('anon', { editing: { rowId: 'r1', field: 'title' } })
    receive('evil', { user: user('Evil'), editing: { rowId: { $: 1 }, field: 'title' } })
    presence.setEditing({ rowId: 'r1', field: 'title' })
    expect(presence.editorsOf(cellKey('r1', 'title'))).toEqual([])
    expect(mine.getLocalState()).toMatchObject({ editing: { rowId: 'r1', field: 'title' } })
  })

  it('a blur of the previous cell does not clear the cell focused since', () => {
    const { mine } = setup()
    const presence = new CellPresence(mine)
    presence.setEditing({ rowId: 'r1', field: 'title' })
    presence.setEditing({ rowId: 'r2', field: 'owner' })
    presence.leave({ rowId: 'r1', field: 'title' })
    expect(mine.getLocalState()).toMatchObject({ editing: { rowId: 'r2', field: 'owner' } })
    presence.leave({ rowId: 'r2', field: 'owner' })
    expect(mine.getLocalState()).toMatchObject({ editing: null })
    presence.destroy()
  })
})
