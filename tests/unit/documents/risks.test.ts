import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addRisk, project, readRisks, removeRisk, setRiskField, template, updateRisk } from '../../../shared/documents/risks'
import type { Risk, RiskFields } from '../../../shared/documents/risks'
import { heatMap, isHighRisk, openHighRisks, riskScore } from '../../../shared/documents/risk-figures'
import { isPlainJson, receiveHostile, replica, stateOf, syncBoth } from './doc-sync'

function newLog(): Y.Doc {
  const doc = new Y.Doc()
  template(doc)
  return doc
}

function add(doc: Y.Doc, init: Partial<RiskFields>): string {
  const result = addRisk(doc, init)
  if (!result.ok) throw new Error(result.error)
  return result.id
}

describe('risk rows', () => {
  it('adds with a 3×3 default score, edits and removes', () => {
    const doc = newLog()
    const id = add(doc, { title: 'Peak capacity', pillar: 'engineering' })
    expect(readRisks(doc).risks[0]).toMatchObject({ id, title: 'Peak capacity', kind: 'risk', severity: 3, likelihood: 3, status: 'open' })
    expect(updateRisk(doc, id, { severity: 5, status: 'mitigating', openedOn: '2026-06-01' })).toEqual({ ok: true })
    expect(readRisks(doc).risks[0]).toMatchObject({ severity: 5, status: 'mitigating' })
    expect(removeRisk(doc, id)).toBe(true)
    expect(readRisks(doc).risks).toEqual([])
  })

  it('refuses bad values without touching the doc', () => {
    const doc = newLog()
    const id = add(doc, { openedOn: '2026-06-10' })
    const state = stateOf(doc)
    expect(setRiskField(doc, id, 'severity', 6)).toMatchObject({ ok: false, error: /at most 5/ })
    expect(setRiskField(doc, id, 'likelihood', 0)).toMatchObject({ ok: false, error: /at least 1/ })
    expect(setRiskField(doc, id, 'severity', 2.5).ok).toBe(false)
    expect(setRiskField(doc, id, 'kind', 'issue' as never).ok).toBe(false)
    expect(setRiskField(doc, id, 'openedOn', '2026-02-30').ok).toBe(false)
    expect(setRiskField(doc, id, 'closedOn', '2026-06-01')).toMatchObject({ ok: false, error: /before opened/ })
    expect(setRiskField(doc, id, 'mitigation', 'x'.repeat(2001)).ok).toBe(false)
    expect(stateOf(doc)).toEqual(state)
  })

  it('reads a hostile log; damaged scores stay off the heat map', () => {
    const doc = receiveHostile((evil) => {
      const rows = evil.getMap('risks')
      const r = new Y.Map()
      rows.set('r1', r)
      r.set('title', 'Scored wrongly')
      r.set('severity', 9)
      r.set('likelihood', '4')
      const s = new Y.Map()
      rows.set('r2', s)
      s.set('severity', 4)
      s.set('likelihood', 4)
      rows.set('r3', { severity: 5, likelihood: 5, status: 'open' })
    })
    const { risks } = readRisks(doc)
    const byId = Object.fromEntries(risks.map((r) => [r.id, r]))
    expect(byId.r1).toMatchObject({ severity: null, likelihood: null, invalid: ['severity', 'likelihood'] })
    expect(byId.r3.invalid).toEqual(['row'])
    const map = heatMap(risks)
    expect(map[3][3]).toBe(1)
    expect(map[4][4]).toBe(1) // the plain-object row is still read
    expect(map.flat().reduce((a, b) => a + b, 0)).toBe(2)
    expect(isPlainJson(project(doc))).toBe(true)
  })

  it('merges concurrent edits', () => {
    const a = newLog()
    const id = add(a, {})
    const b = replica(a)
    setRiskField(a, id, 'severity', 5)
    setRiskField(b, id, 'mitigation', 'Fallback provider')
    syncBoth(a, b)
    for (const doc of [a, b]) expect(readRisks(doc).risks[0]).toMatchObject({ severity: 5, mitigation: 'Fallback provider' })
  })
})

describe('risk figures', () => {
  const risk = (id: string, severity: number | null, likelihood: number | null, status: Risk['status'] = 'open') =>
    ({ id, severity, likelihood, status }) as Pick<Risk, 'id' | 'severity' | 'likelihood' | 'status'>

  it('counts active risks on a 5×5 heat map', () => {
    const map = heatMap([risk('a', 4, 2), risk('b', 4, 2, 'mitigating'), risk('c', 1, 5), risk('d', 5, 5, 'closed'), risk('e', null, 3)])
    expect(map).toHaveLength(5)
    expect(map[3][1]).toBe(2)
    expect(map[0][4]).toBe(1)
    expect(map[4][4]).toBe(0)
    expect(map.flat().reduce((a, b) => a + b, 0)).toBe(3)
  })

  it('defines high as score ≥ 15 or severity 5, active only, highest first', () => {
    const list = [
      risk('5x1', 5, 1),
      risk('4x4', 4, 4),
      risk('3x5', 3, 5, 'mitigating'),
      risk('4x3', 4, 3),
      risk('3x4', 3, 4),
      risk('5x5-closed', 5, 5, 'closed'),
      risk('unknown', null, 5),
    ]
    expect(openHighRisks(list).map((r) => r.id)).toEqual(['4x4', '3x5', '5x1'])
    expect(isHighRisk(risk('x', 4, 3))).toBe(false)
    expect(riskScore(risk('x', 4, 3))).toBe(12)
    expect(riskScore(risk('x', null, 3))).toBeNull()
  })
})
