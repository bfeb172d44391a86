// Per-person undo: the shared writers' nested transactions take the caller's origin, and undo
// reverts only this person's edits even when another person edited the same row in between.
import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLocalUndoManager, LocalEditOrigin, runAs } from '../../../client/src/documents/common/local-undo'
import { docVersion, subscribeDoc, TEXT_MAX_WAIT_MS, TEXT_QUIET_MS } from '../../../client/src/documents/common/doc-version'
import { addInitiative, initiativeText, readRoadmap, setInitiativeField, template } from '../../../shared/documents/roadmap'
import { applyTextChange, textChange } from '../../../shared/documents/text-change'

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

describe('local undo of typing in a text cell', () => {
  it('undoes this person\'s typing and keeps the other person\'s characters', () => {
    const { a, b } = pair()
    const mine = new LocalEditOrigin('alice')
    const undo = createLocalUndoManager(a, ['initiatives'], mine, 0)
    const added = addInitiative(a, { title: 'Portal' })
    if (!added.ok) throw new Error(added.error)
    const type = (doc: Y.Doc, after: string) => {
      const text = initiativeText(doc, added.id, 'title')!
      const change = textChange(text.toString(), after)!
      return change
    }
    runAs(a, mine, () => applyTextChange(initiativeText(a, added.id, 'title')!, type(a, 'Portal v2')))
    applyTextChange(initiativeText(b, added.id, 'title')!, type(b, 'New Portal v2'))
    expect(readRoadmap(a).initiatives[0].title).toBe('New Portal v2')
    undo.undo()
    expect(readRoadmap(a).initiatives[0].title).toBe('New Portal')
    expect(readRoadmap(b).initiatives[0].title).toBe('New Portal')
  })
})

describe('doc-version', () => {
  afterEach(() => vi.useRealTimers())

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


  it('bumps once typing in cell texts pauses (or after a while), at once for anything else', () => {
    vi.useFakeTimers()
    const doc = new Y.Doc()
    template(doc, { windowStart: '2026-01' })
    const added = addInitiative(doc, { title: '' })
    if (!added.ok) throw new Error(added.error)
    const text = initiativeText(doc, added.id, 'title')!
    const before = docVersion(doc)
    let calls = 0
    subscribeDoc(doc, () => calls++)
    for (const ch of 'typing') {
      text.insert(text.length, ch)
      vi.advanceTimersByTime(TEXT_QUIET_MS - 100)
    }
    expect(calls).toBe(0)
    vi.advanceTimersByTime(100)
    expect(calls).toBe(1)
    expect(docVersion(doc)).toBe(before + 1)
    // Non-stop typing still shows within the maximum wait.
    for (let t = 0; t <= TEXT_MAX_WAIT_MS; t += 100) {
      text.insert(0, 'x')
      vi.advanceTimersByTime(100)
    }
    expect(calls).toBe(2)
    // Anything else at once, taking pending text changes with it.
    text.insert(0, 'y')
    setInitiativeField(doc, added.id, 'capacity', 3)
    expect(calls).toBe(3)
    vi.advanceTimersByTime(TEXT_MAX_WAIT_MS)
    expect(calls).toBe(3)
  })
})
