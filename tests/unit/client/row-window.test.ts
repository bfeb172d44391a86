import { describe, expect, it } from 'vitest'
import { keptIndexes, windowSlices } from '../../../client/src/documents/common/row-window'

describe('row window', () => {
  it('keeps the range, the kept rows and the focused row with its neighbours, in order, within the table', () => {
    expect(keptIndexes([10, 11, 12], [], null, 500)).toEqual([10, 11, 12])
    expect(keptIndexes([10, 11, 12], [400, -1], 300, 500)).toEqual([10, 11, 12, 299, 300, 301, 400])
    expect(keptIndexes([0, 1], [], 0, 500)).toEqual([0, 1])
    expect(keptIndexes([497, 498, 499], [], 499, 500)).toEqual([497, 498, 499])
    expect(keptIndexes([0, 1], [12], 1, 2)).toEqual([0, 1])
  })

  it('puts a gap of the missing height before, between and after the rendered rows', () => {
    const row = (index: number) => ({ index, start: index * 10, end: index * 10 + 10 })
    expect(windowSlices([row(0), row(1)], 20)).toEqual([{ kind: 'row', index: 0 }, { kind: 'row', index: 1 }])
    expect(windowSlices([row(5), row(6), row(40)], 1000)).toEqual([
      { kind: 'gap', key: 'gap-5', height: 50 },
      { kind: 'row', index: 5 },
      { kind: 'row', index: 6 },
      { kind: 'gap', key: 'gap-40', height: 330 },
      { kind: 'row', index: 40 },
      { kind: 'gap', key: 'gap-end', height: 590 },
    ])
    expect(windowSlices([], 0)).toEqual([])
  })
})
