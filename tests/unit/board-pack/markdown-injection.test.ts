// The Markdown pack treats every user string as text: no raw HTML, no javascript:/data: links, no
// way out of the timeline's code fence (issue #17, item 3).
import { describe, expect, it } from 'vitest'
import { buildBoardPackModel } from '../../../server/board-pack/board-pack-model'
import { renderMarkdown } from '../../../server/board-pack/markdown'
import { briefProjection, initiative, packInput, roadmapProjection } from './fixtures'

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '\\<iframe src=//evil.example>',
  '[click me](javascript:alert(3))',
  '[upper](JAVASCRIPT:alert(4))',
  '[data](data:text/html;base64,PHNjcmlwdD4=)',
  '<javascript:alert(5)>',
  '![pixel](https://tracker.example/p.png)',
  '`<b>code span</b>`',
].join(' ')

function hostilePack(): string {
  const roadmap = roadmapProjection()
  roadmap.initiatives.push(initiative({ title: `\`\`\`\n${HOSTILE}`, owner: HOSTILE, riskNote: HOSTILE, risk: 'high', startMonth: '2026-08', endMonth: '2026-08' }))
  const input = packInput({
    workspaceName: HOSTILE,
    meeting: { title: HOSTILE, cadence: 'board', startsAt: Date.UTC(2026, 8, 15, 9), endedAt: Date.UTC(2026, 8, 15, 11, 2) },
    brief: { documentTitle: HOSTILE, version: 2, projection: briefProjection({ security: { owner: HOSTILE, narrative: `${HOSTILE}\n[ref]: javascript:alert(6)\n[keep](https://example.com/ok) and [mail](mailto:board@example.com)` } }) },
    roadmap: { documentTitle: HOSTILE, version: 5, projection: roadmap },
  })
  input.summary!.blocks!.push({ type: 'paragraph', text: HOSTILE }, { type: 'heading', level: 2, text: HOSTILE }, { type: 'bullet', text: HOSTILE, depth: 0, number: 1 })
  return renderMarkdown(buildBoardPackModel(input))
}

/** Positions of `ch` that are not backslash-escaped (an even number of backslashes before them). */
function unescaped(text: string, ch: string): number[] {
  const at: number[] = []
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) {
    let slashes = 0
    while (text[i - 1 - slashes] === '\\') slashes++
    if (slashes % 2 === 0) at.push(i)
  }
  return at
}

/** The Markdown outside fenced code blocks (where the renderer reads markup). */
function outsideFences(md: string): string {
  const out: string[] = []
  let fence: string | null = null
  for (const line of md.split('\n')) {
    const open = /^(`{3,})/.exec(line)
    if (fence === null && open) fence = open[1]
    else if (fence !== null && line.trim() === fence) fence = null
    else if (fence === null) out.push(line)
  }
  expect(fence).toBeNull()
  return out.join('\n')
}

describe('board pack markdown with hostile text', () => {
  const md = hostilePack()
  const prose = outsideFences(md)

  it('contains the hostile text (it is escaped, not dropped)', () => {
    expect(md).toContain('alert(1)')
    expect(md).toContain('onerror=alert(2)')
  })

  it('has no raw HTML: every < outside code is escaped', () => {
    expect(unescaped(prose, '<')).toEqual([])
    expect(unescaped(prose, '`')).toEqual([])
  })

  it('links only to http(s) and mailto, and embeds no images', () => {
    const links = [...prose.matchAll(/(!?)\[[^\]]*\]\(([^)]*)\)/g)].filter((m) => unescaped(prose, '[').includes(m.index + m[1].length))
    const targets = links.map((m) => m[2])
    expect(targets).toContain('https://example.com/ok')
    expect(targets).toContain('mailto:board@example.com')
    for (const t of targets) expect(t).toMatch(/^(https?:\/\/|mailto:)/i)
    const images = links.filter((m) => m[1] === '!' && unescaped(prose, '!').includes(m.index))
    expect(images).toEqual([])
    // A reference definition `[ref]: javascript:` needs an unescaped [ at the start of a line.
    expect(prose).not.toMatch(/^\s*\[[^\]]*\]:/m)
  })

  it('keeps the timeline fence closed: a title with backticks cannot end it early', () => {
    const fenceLines = md.split('\n').filter((l) => /^`{3,}/.test(l))
    expect(fenceLines).toHaveLength(2)
    expect(fenceLines[0].replace('text', '')).toBe(fenceLines[1])
    expect(fenceLines[1].length).toBeGreaterThan(3)
  })
})
