// "Changed since the previous board": each section against the previous board meeting's saved
// version of the same kind, in the model and in both renderers.
import { describe, expect, it } from 'vitest'
import { buildBoardPackModel } from '../../../server/board-pack/board-pack-model'
import { renderMarkdown } from '../../../server/board-pack/markdown'
import { briefProjection, packInput, roadmapProjection } from './fixtures'

describe('changed since the previous board', () => {
  it('marks changed sections and rows, and says so when nothing changed', () => {
    const before = roadmapProjection()
    const after = structuredClone(before)
    after.initiatives[1] = { ...after.initiatives[1], oneOffCost: 55_000 }
    const model = buildBoardPackModel(packInput({
      roadmap: { documentTitle: 'Roadmap', version: 4, projection: after },
      brief: { documentTitle: 'Brief', version: 2, projection: briefProjection({ finance: { status: 'at-risk' } }) },
      previous: { label: 'Q2 board, 16 Jun 2026', saved: { roadmap: before, brief: briefProjection({ finance: { status: 'at-risk' } }) } },
    }))
    expect(model.changes.roadmap).toMatchObject({ changed: true, text: 'Changed since the previous board (Q2 board, 16 Jun 2026): 1 initiative changed.' })
    expect(model.changes.brief).toMatchObject({ changed: false, text: 'Unchanged since the previous board (Q2 board, 16 Jun 2026).' })
    // No summary at the previous board: everything in it is new.
    expect(model.changes.summary?.text).toBe('New since the previous board (Q2 board, 16 Jun 2026).')
    const roadmap = model.roadmap.included ? model.roadmap : null
    expect(roadmap?.initiatives.filter((i) => i.changed).map((i) => i.title)).toEqual(['Checkout'])

    const md = renderMarkdown(model)
    expect(md).toContain('> **Changed since the previous board (Q2 board, 16 Jun 2026): 1 initiative changed.**')
    expect(md).toContain('| ▲ Checkout |')
  })

  it('has no marks without a previous board', () => {
    const model = buildBoardPackModel(packInput())
    expect(model.changes).toEqual({ summary: null, brief: null, roadmap: null })
    expect(renderMarkdown(model)).not.toContain('since the previous board (')
  })
})
