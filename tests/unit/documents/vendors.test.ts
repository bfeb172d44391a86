import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addVendor,
  addVendorHistory,
  project,
  readVendors,
  removeVendor,
  setVendorField,
  setVendorsCurrency,
  template,
} from '../../../shared/documents/vendors'
import type { VendorFields } from '../../../shared/documents/vendors'
import {
  daysToNotice,
  derivedRenewalDecisions,
  noticeDeadline,
  renewalCheckpoint,
  renewalFlag,
  sortByRenewal,
} from '../../../shared/documents/vendor-renewals'
import { addDays } from '../../../shared/documents/calendar'
import { isPlainJson, receiveHostile, replica, stateOf, syncBoth } from './doc-sync'

const TODAY = new Date(2026, 5, 15) // 2026-06-15, local
const TODAY_ISO = '2026-06-15'

function newRegister(): Y.Doc {
  const doc = new Y.Doc()
  template(doc)
  return doc
}

function add(doc: Y.Doc, init: Partial<VendorFields>): string {
  const result = addVendor(doc, init)
  if (!result.ok) throw new Error(result.error)
  return result.id
}

/** A vendor whose notice deadline is `days` from TODAY. */
function dueIn(days: number, noticeDays = 30) {
  return { renewalDate: addDays(TODAY_ISO, days + noticeDays), noticeDays }
}

describe('vendor rows', () => {
  it('adds, edits, removes', () => {
    const doc = newRegister()
    const id = add(doc, { name: 'Datadog', category: 'Observability', annualValue: 210_000, renewalDate: '2026-09-30', noticeDays: 30 })
    expect(setVendorField(doc, id, 'assessment', 'replace')).toEqual({ ok: true })
    expect(readVendors(doc).vendors[0]).toMatchObject({ id, name: 'Datadog', annualValue: 210_000, assessment: 'replace', history: [], invalid: [] })
    expect(removeVendor(doc, id)).toBe(true)
    expect(readVendors(doc).vendors).toEqual([])
  })

  it('refuses bad values without touching the doc', () => {
    const doc = newRegister()
    const id = add(doc, { name: 'AWS' })
    const state = stateOf(doc)
    expect(setVendorField(doc, id, 'renewalDate', '2026-02-29')).toMatchObject({ ok: false, error: /real date/ })
    expect(setVendorField(doc, id, 'noticeDays', 1.5)).toMatchObject({ ok: false, error: /whole number/ })
    expect(setVendorField(doc, id, 'noticeDays', -1).ok).toBe(false)
    expect(setVendorField(doc, id, 'annualValue', -10).ok).toBe(false)
    expect(setVendorField(doc, id, 'name', 'x'.repeat(121)).ok).toBe(false)
    expect(setVendorField(doc, id, 'assessment', 'drop' as never).ok).toBe(false)
    expect(stateOf(doc)).toEqual(state)
    expect(setVendorField(doc, id, 'renewalDate', '2028-02-29')).toEqual({ ok: true }) // leap day
  })
})

describe('vendor history', () => {
  it('appends entries, and concurrent appends are both kept', () => {
    const a = newRegister()
    const id = add(a, { name: 'Zendesk' })
    const b = replica(a)
    expect(addVendorHistory(a, id, { date: '2026-06-01', author: 'Ana', note: 'Quote received' }).ok).toBe(true)
    expect(addVendorHistory(b, id, { date: '2026-06-02', author: 'Ben', note: 'Reference call' }).ok).toBe(true)
    syncBoth(a, b)
    for (const doc of [a, b]) {
      expect(readVendors(doc).vendors[0].history.map((h) => h.note).sort()).toEqual(['Quote received', 'Reference call'])
    }
  })

  it('refuses an empty note or a bad date', () => {
    const doc = newRegister()
    const id = add(doc, { name: 'Okta' })
    expect(addVendorHistory(doc, id, { date: '2026-06-01', author: 'Ana', note: '' })).toMatchObject({ ok: false, field: 'note' })
    expect(addVendorHistory(doc, id, { date: '2026-13-01', author: 'Ana', note: 'x' })).toMatchObject({ ok: false, field: 'date' })
    expect(addVendorHistory(doc, 'missing', { date: '2026-06-01', author: 'Ana', note: 'x' }).ok).toBe(false)
    expect(readVendors(doc).vendors[0].history).toEqual([])
  })
})

describe('register currency', () => {
  it('starts in USD or the currency given, and changes for every replica', () => {
    expect(readVendors(newRegister()).currency).toBe('USD')
    const gbp = new Y.Doc()
    template(gbp, { currency: 'GBP' })
    expect(readVendors(gbp).currency).toBe('GBP')
    const doc = newRegister()
    const other = replica(doc)
    expect(setVendorsCurrency(doc, 'EUR')).toEqual({ ok: true })
    syncBoth(doc, other)
    expect(readVendors(other).currency).toBe('EUR')
    expect(project(other).currency).toBe('EUR')
  })

  it('refuses a code that is not three capital letters, leaving the doc as it was', () => {
    const doc = newRegister()
    const state = stateOf(doc)
    expect(setVendorsCurrency(doc, 'eur')).toMatchObject({ ok: false, field: 'currency', error: /three-letter code/ })
    expect(setVendorsCurrency(doc, '€')).toMatchObject({ ok: false })
    expect(stateOf(doc)).toEqual(state)
    expect(readVendors(doc).currency).toBe('USD')
  })

  it('reads a register written before it had a currency, or a damaged one, as USD', () => {
    const old = new Y.Doc()
    old.getMap('vendors')
    expect(readVendors(old).currency).toBe('USD')
    const damaged = receiveHostile((evil) => evil.getMap('meta').set('currency', { toString: 'GBP' }))
    expect(readVendors(damaged).currency).toBe('USD')
  })
})

describe('hostile vendor documents', () => {
  it('reads damaged rows and history entries without throwing', () => {
    const doc = receiveHostile((evil) => {
      const rows = evil.getMap('vendors')
      const v = new Y.Map()
      rows.set('v1', v)
      v.set('name', 'Snowflake')
      v.set('noticeDays', '30')
      v.set('renewalDate', '2026-02-30')
      v.set('annualValue', -5)
      const history = new Y.Array()
      v.set('history', history)
      history.push([{ id: 'h1', date: '2026-01-01', author: 'Ana', note: 'ok' }, 'junk', { id: 5, date: 'yesterday', note: 'odd' }])
      const w = new Y.Map()
      rows.set('v2', w)
      w.set('name', 'Okta')
      w.set('history', 'not a list')
      rows.set('v3', [1, 2, 3])
    })
    const { vendors } = readVendors(doc)
    const byId = Object.fromEntries(vendors.map((v) => [v.id, v]))
    expect(byId.v1).toMatchObject({ name: 'Snowflake', noticeDays: 0, renewalDate: null, annualValue: 0 })
    expect(byId.v1.invalid.sort()).toEqual(['annualValue', 'noticeDays', 'renewalDate'])
    expect(byId.v1.history).toHaveLength(3)
    expect(byId.v1.history[0]).toMatchObject({ id: 'h1', note: 'ok', invalid: [] })
    expect(byId.v1.history[1].invalid).toEqual(['entry'])
    expect(byId.v1.history[2]).toMatchObject({ note: 'odd', date: null })
    expect(byId.v1.history[2].invalid.sort()).toEqual(['date', 'id'])
    expect(byId.v2).toMatchObject({ name: 'Okta', history: [], invalid: ['history'] })
    expect(byId.v3.invalid).toEqual(['row'])
    expect(renewalFlag(byId.v1, TODAY)).toBe(false)
    expect(isPlainJson(project(doc))).toBe(true)
  })
})

describe('renewals', () => {
  it('computes the notice deadline across month ends', () => {
    expect(noticeDeadline({ renewalDate: '2026-03-01', noticeDays: 1 })).toBe('2026-02-28')
    expect(noticeDeadline({ renewalDate: '2028-03-01', noticeDays: 1 })).toBe('2028-02-29')
    expect(noticeDeadline({ renewalDate: null, noticeDays: 30 })).toBeNull()
    expect(daysToNotice({ renewalDate: '2026-07-15', noticeDays: 0 }, TODAY)).toBe(30)
  })

  it.each([
    [91, false, null],
    [90, true, 90],
    [61, true, 90],
    [60, true, 60],
    [31, true, 60],
    [30, true, 30],
    [0, true, 30],
    [-30, true, 30],
    [-31, false, null],
  ])('deadline in %i days: flagged %s, checkpoint %s', (days, flagged, checkpoint) => {
    expect(renewalFlag(dueIn(days), TODAY)).toBe(flagged)
    expect(renewalFlag(dueIn(days), TODAY_ISO)).toBe(flagged)
    expect(renewalCheckpoint(dueIn(days), TODAY)).toBe(checkpoint)
  })

  it('derives one decision item per flagged vendor, due on the notice deadline', () => {
    const vendors = [
      { id: 'a', name: 'Datadog', owner: 'Tom', ...dueIn(20) },
      { id: 'b', name: 'Salesforce', owner: 'Grace', ...dueIn(45, 60) },
      { id: 'c', name: 'Zendesk', owner: 'Lena', ...dueIn(80, 45) },
      { id: 'd', name: 'AWS', owner: 'Tom', ...dueIn(200, 90) },
      { id: 'e', name: 'None', owner: '', renewalDate: null, noticeDays: 0 },
    ]
    const items = derivedRenewalDecisions(vendors, TODAY)
    expect(items.map((i) => [i.vendorId, i.checkpoint, i.dueDate, i.checkpointOn])).toEqual([
      ['a', 30, '2026-07-05', '2026-06-05'],
      ['b', 60, '2026-07-30', '2026-05-31'],
      ['c', 90, '2026-09-03', '2026-06-05'],
    ])
    expect(items[0]).toMatchObject({ id: 'renewal:a', derived: true, status: 'open', question: 'Renew / renegotiate / replace Datadog', owner: 'Tom' })
  })

  it('derives on read without writing to the register', () => {
    const doc = newRegister()
    add(doc, { name: 'Datadog', ...dueIn(10) })
    const state = stateOf(doc)
    expect(derivedRenewalDecisions(readVendors(doc).vendors, TODAY)).toHaveLength(1)
    expect(stateOf(doc)).toEqual(state)
  })

  it('sorts by renewal date, undated last', () => {
    const rows = [
      { id: '1', name: 'B', renewalDate: '2026-09-01' },
      { id: '2', name: 'A', renewalDate: null },
      { id: '3', name: 'C', renewalDate: '2026-07-01' },
    ]
    expect(sortByRenewal(rows).map((r) => r.id)).toEqual(['3', '1', '2'])
  })
})
