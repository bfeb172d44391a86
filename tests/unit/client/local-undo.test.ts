// Per-person undo: the shared writers' nested transactions take the caller's origin, and undo
// reverts only this person's edits even when another person edited the same row in between.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createLocalUndoManager, LocalEditOrigin, runAs } from '../../../client/src/documents/common/local-undo'
import { docVersion, subscribeDoc } from '../../../client/src/documents/common/doc-version'
import { addInitiative, readRoadmap, setInitiativeField, template } from '../../../shared/documents/roadmap'

function pair() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  template(a, { windowStart: '2026-01' })
  // Relay every update both ways, like the sync server (remote updates carry a foreign origin).
  a.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') Y.applyUpdate(b, u, 'remote') })
  b.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') Y.applyUpdate(a, u, 'remote') })
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote')
  return { a, b }
}

describe('local undo', () => {
  it('undoes only its own edits', () => {
    const { a, b } = pair()
    const mine = new LocalEditOrigin('alice')
    const undo = createLocalUndoManager(a, ['initiatives', 'meta'], mine, 0)
    const added = runAs(a, mine, () => addInitiative(a, { title: 'Portal' }))
    if (!added.ok) throw new Error(added.error)
    runAs(a, mine, () => setInitiativeField(a, added.id, 'oneOffCost', 1000))
    setInitiativeField(b, added.id, 'capacity', 30) // someone else, on their own replica

    undo.undo()
    const row = readRoadmap(b).initiatives[0]
    expect(row.oneOffCost).toBe(0)
    expect(row.capacity).toBe(30)

    undo.redo()
    expect(readRoadmap(b).initiatives[0].oneOffCost).toBe(1000)
  })

  it('a refused write adds nothing to the undo stack', () => {
    const { a } = pair()
    const mine = new LocalEditOrigin('alice')
    const undo = createLocalUndoManager(a, ['initiatives'], mine, 0)
    const added = runAs(a, mine, () => addInitiative(a, {}))
    if (!added.ok) throw new Error(added.error)
    const refused = runAs(a, mine, () => setInitiativeField(a, added.id, 'oneOffCost', -5))
    expect(refused.ok).toBe(false)
    expect(undo.undoStack.length).toBe(1)
  })

  it('edits made without the origin are not tracked', () => {
    const { a } = pair()
    const undo = createLocalUndoManager(a, ['initiatives'], new LocalEditOrigin('alice'), 0)
    addInitiative(a, { title: 'Untracked' })
    expect(undo.undoStack.length).toBe(0)
  })
})

describe('doc-version', () => {
  it('bumps on every update and notifies subscribers until they unsubscribe', () => {
    const doc = new Y.Doc()
    const before = docVersion(doc)
    let calls = 0
    const off = subscribeDoc(doc, () => calls++)
    doc.getMap('m').set('a', 1)
    doc.getMap('m').set('b', 2)
    expect(docVersion(doc)).toBe(before + 2)
    expect(calls).toBe(2)
    off()
    doc.getMap('m').set('c', 3)
    expect(calls).toBe(2)
  })
})
