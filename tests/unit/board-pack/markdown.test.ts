import { describe, expect, it } from 'vitest'
import { buildBoardPackModel } from '../../../server/board-pack/board-pack-model'
import { renderMarkdown } from '../../../server/board-pack/markdown'
import { packInput } from './fixtures'

const md = renderMarkdown(buildBoardPackModel(packInput()))
const lines = md.split('\n')

/** The lines of the table that follows a heading. */
function tableAfter(heading: string): string[] {
  const start = lines.indexOf(heading)
  expect(start).toBeGreaterThanOrEqual(0)
  const rows: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('|')) rows.push(line)
    else if (rows.length > 0) break
  }
  return rows
}

describe('board pack markdown', () => {
  it('opens with the title, workspace, meeting and date', () => {
    expect(lines[0]).toBe('# Quarterly board pack — 15 Sep 2026')
    expect(md).toContain('**Northwind** · Q3 board · 15 Sep 2026')
    expect(md).toContain('ended (15 Sep 2026, 11:02 UTC)')
  })

  it('writes the summary with its headings demoted under the section and its list nesting', () => {
    expect(md).toContain('## Board summary — Q3 2026\n')
    expect(md).toContain('_From “Board summary”, version 3, saved when the meeting ended._')
    expect(md).toContain('### Headlines\n\nSpend is within the envelope.\n\n- Defects down a third.\n  - Nested point.\n')
  })

  it('writes the brief as a table and the narratives under it', () => {
    const table = tableAfter('6 on track · 1 watch · 1 at risk')
    expect(table[0]).toBe('| Pillar | Status | Trend | Owner | Reviewed |')
    expect(table).toHaveLength(2 + 8)
    expect(table[2 + 5]).toBe('| Operational | At risk | Declining | Dana | 8 Sep 2026 |')
    expect(table[2]).toBe('| Product | On track | Steady | — | — |')
    expect(md).toContain('### Operational — at risk\n\nTwo outages.')
    expect(md).toContain('### Product — on track\n\n_No narrative._')
  })

  it('writes quarter and pillar totals right-aligned, ending with a bold total', () => {
    const quarters = tableAfter('### Totals by quarter')
    expect(quarters[1]).toBe('| --- | ---: | ---: | ---: | ---: | ---: |')
    expect(quarters[2]).toBe('| Q3 2026 (Jul–Sep 2026) | 3 | $100,000 | $3,000 | $103,000 | 32 |')
    expect(quarters[4]).toBe('| Q1 2027 (Jan–Mar 2027) | 0 | — | — | — | — |')
    expect(quarters.at(-1)).toBe('| **Total** | **4** | **$150,000** | **$3,000** | **$153,000** | **38** |')
    const pillars = tableAfter('### Totals by pillar')
    expect(pillars).toHaveLength(2 + 9 + 1)
    expect(pillars.at(-2)).toBe('| Unassigned | 1 | $20,000 | — | $20,000 | — |')
  })

  it('lists initiatives with cut ones struck through and pipes in cells escaped', () => {
    const table = tableAfter('### Initiatives')
    expect(table[2]).toBe('| ~~Old loyalty scheme~~ | Product | Cut | Jul–Aug 2026 | $50,000 | — | — | Low | — |')
    expect(table[3]).toContain('| Pricing \\| engine | Product | Proposed | Jul 2026 |')
    expect(table.find((r) => r.includes('Unscheduled audit'))).toContain('| Unscheduled |')
    expect(md).toContain('- **Data platform** (Engineering, Tom): Vendor \\| lock-in')
  })

  it('draws a text timeline with twelve month columns and a block per month of each bar', () => {
    const header = lines.find((l) => l.startsWith('Initiative '))!
    expect(header.trim().split(/\s+/)).toEqual(['Initiative', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Risk'])
    const bar = lines.find((l) => l.startsWith('  Data platform'))!
    expect(bar).toBe(`${'  Data platform'.padEnd(34)} ${'████'.repeat(3)}${' ·  '.repeat(9)}  high`)
    const clipped = lines.find((l) => l.startsWith('  Orphan'))!
    expect(clipped.endsWith(`${'████'}${'███▸'}  high, done`)).toBe(true)
    // Lanes in pillar order; cut, unscheduled and out-of-window initiatives are not drawn.
    expect(lines.filter((l) => /^[A-Z]+$/.test(l))).toEqual(['PRODUCT', 'EXPERIENCE', 'ENGINEERING', 'UNASSIGNED'])
    expect(lines.some((l) => l.startsWith('  Old loyalty') || l.startsWith('  Next year'))).toBe(false)
  })

  it('replaces a section that was not on the agenda with a note', () => {
    const without = renderMarkdown(buildBoardPackModel(packInput({ roadmap: null })))
    expect(without).toContain("## Roadmap\n\n_No roadmap was on this meeting's agenda, so this pack has none._\n")
    expect(without).not.toContain('### Totals by quarter')
  })

  it('escapes body lines that would otherwise read as Markdown structure', () => {
    const input = packInput()
    input.summary!.blocks = [{ type: 'paragraph', text: '# not a heading' }, { type: 'paragraph', text: '- not a list' }]
    const out = renderMarkdown(buildBoardPackModel(input))
    expect(out).toContain('\\# not a heading')
    expect(out).toContain('\\- not a list')
  })
})
