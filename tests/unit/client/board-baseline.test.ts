import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { changedSince, pickBoardVersion } from '../../../client/src/documents/common/board-baseline'
import { pickSourceDocument } from '../../../client/src/documents/common/pick-source'
import { projectDocument } from '../../../shared/documents'
import { getPillarNarrative, template as briefTemplate, updatePillar } from '../../../shared/documents/brief'
import { appendBlocks, paragraphs } from '../../../shared/documents/rich-text'
import { addInitiative, setInitiativeField, template as roadmapTemplate } from '../../../shared/documents/roadmap'
import type { DocumentDto } from '../../../shared/api'

const version = (n: number, cadence: string | null, meetingId: string | null = cadence ? `m${n}` : null) => ({
  version: n, label: `v${n}`, meetingId, meetingCadence: cadence, createdAt: '2026-01-01T00:00:00Z',
})

describe('pickBoardVersion', () => {
  it('takes the newest version saved by a board meeting', () => {
    expect(pickBoardVersion([version(5, 'leadership'), version(4, 'board'), version(2, 'board'), version(1, null)])?.version).toBe(4)
    expect(pickBoardVersion([version(1, 'board'), version(3, 'board')])?.version).toBe(3)
  })
  it('is null without a board meeting version', () => {
    expect(pickBoardVersion([version(2, 'weekly'), version(1, null)])).toBeNull()
    expect(pickBoardVersion([{ ...version(3, 'board'), meetingId: null }])).toBeNull()
    expect(pickBoardVersion([])).toBeNull()
  })
})

describe('changedSince', () => {
  it('roadmap: added and changed initiatives, not untouched ones', () => {
    const doc = new Y.Doc()
    roadmapTemplate(doc, { windowStart: '2026-01' })
    const kept = addInitiative(doc, { title: 'Kept' })
    const edited = addInitiative(doc, { title: 'Edited' })
    if (!kept.ok || !edited.ok) throw new Error('add failed')
    const before = JSON.parse(JSON.stringify(projectDocument('roadmap', doc)))
    setInitiativeField(doc, edited.id, 'oneOffCost', 5000)
    const added = addInitiative(doc, { title: 'New' })
    if (!added.ok) throw new Error('add failed')
    const result = changedSince('roadmap', before, projectDocument('roadmap', doc))
    expect([...result.rowIds].sort()).toEqual([edited.id, added.id].sort())
    expect(result.pillars.size).toBe(0)
  })

  it('brief: pillars whose status, trend or narrative changed', () => {
    const doc = new Y.Doc()
    briefTemplate(doc)
    const before = JSON.parse(JSON.stringify(projectDocument('brief', doc)))
    updatePillar(doc, 'security', { status: 'at-risk' })
    updatePillar(doc, 'quality', { trend: 'declining' })
    appendBlocks(getPillarNarrative(doc, 'product', { writable: true })!, paragraphs('New narrative'))
    updatePillar(doc, 'business', { owner: 'Grace' }) // owner alone does not count
    const result = changedSince('brief', before, projectDocument('brief', doc))
    expect([...result.pillars].sort()).toEqual(['product', 'quality', 'security'])
  })

  it('tolerates a damaged stored projection (everything reads as added)', () => {
    const doc = new Y.Doc()
    roadmapTemplate(doc, { windowStart: '2026-01' })
    const row = addInitiative(doc, {})
    if (!row.ok) throw new Error('add failed')
    expect([...changedSince('roadmap', { nonsense: true }, projectDocument('roadmap', doc)).rowIds]).toEqual([row.id])
  })
})

describe('pickSourceDocument', () => {
  const doc = (id: string, kind: DocumentDto['kind'], archivedAt: string | null = null): DocumentDto => ({
    id, kind, archivedAt, workspaceId: 'w', title: id, createdAt: '', updatedAt: '',
  })
  const docs = [doc('b0', 'brief', '2026-01-01'), doc('r1', 'roadmap'), doc('b1', 'brief'), doc('b2', 'brief')]

  it('uses the named document when it exists, is of the kind and is not archived', () => {
    expect(pickSourceDocument(docs, 'brief', 'b2')).toMatchObject({ document: { id: 'b2' }, named: true })
  })
  it('falls back to the first usable document of the kind', () => {
    expect(pickSourceDocument(docs, 'brief', null)).toMatchObject({ document: { id: 'b1' }, named: false })
    expect(pickSourceDocument(docs, 'brief', 'b0')).toMatchObject({ document: { id: 'b1' }, named: false })
    expect(pickSourceDocument(docs, 'brief', 'r1')).toMatchObject({ document: { id: 'b1' }, named: false })
  })
  it('is null when the workspace has none', () => {
    expect(pickSourceDocument(docs, 'risks', null)).toBeNull()
  })
})
