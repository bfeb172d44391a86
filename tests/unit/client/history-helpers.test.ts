import { describe, expect, it } from 'vitest'
import { boardVersions, briefTrack } from '../../../client/src/history/brief-track'
import type { VersionSummaryDto } from '../../../shared/api'
import { parseVersionRef } from '../../../client/src/history/parse-ref'
import { groupVersionsByQuarter, quarterLabel } from '../../../client/src/history/version-groups'

function v(version: number, createdAt: string, meeting?: { id: string; title: string; cadence: string; startsAt: string }): VersionSummaryDto {
  return {
    documentId: 'd1',
    version,
    label: meeting ? meeting.title : `Saved ${version}`,
    meetingId: meeting?.id ?? null,
    meetingTitle: meeting?.title ?? null,
    meetingCadence: (meeting?.cadence as VersionSummaryDto['meetingCadence']) ?? null,
    meetingStartsAt: meeting?.startsAt ?? null,
    authorId: 'u1',
    authorName: 'Alex',
    createdAt,
  }
}

// Mid-month, mid-day dates: the same quarter in any time zone.
const board3 = { id: 'm1', title: 'Q3 2026 board meeting', cadence: 'board', startsAt: '2026-08-14T12:00:00Z' }
const lead4 = { id: 'm2', title: 'Leadership', cadence: 'leadership', startsAt: '2026-10-15T12:00:00Z' }
const board4 = { id: 'm3', title: 'Q4 2026 board meeting', cadence: 'board', startsAt: '2026-11-16T12:00:00Z' }

describe('quarterLabel', () => {
  it('names calendar quarters', () => {
    expect(quarterLabel(new Date(2026, 0, 15))).toBe('Q1 2026')
    expect(quarterLabel(new Date(2026, 2, 31))).toBe('Q1 2026')
    expect(quarterLabel(new Date(2026, 3, 1))).toBe('Q2 2026')
    expect(quarterLabel(new Date(2027, 11, 31))).toBe('Q4 2027')
  })
})

describe('groupVersionsByQuarter', () => {
  it('groups newest first by quarter, then by meeting; hand-saved runs stay together', () => {
    const versions = [
      v(1, '2026-08-14T13:00:00Z', board3),
      v(2, '2026-09-02T12:00:00Z'),
      v(3, '2026-09-03T12:00:00Z'),
      v(4, '2026-10-15T13:00:00Z', lead4),
      v(5, '2026-11-16T13:00:00Z', board4),
    ]
    const groups = groupVersionsByQuarter(versions)
    expect(groups.map((q) => q.quarter)).toEqual(['Q4 2026', 'Q3 2026'])
    expect(groups[0].groups.map((g) => g.meeting?.title)).toEqual(['Q4 2026 board meeting', 'Leadership'])
    expect(groups[1].groups.map((g) => g.meeting?.id ?? null)).toEqual([null, 'm1'])
    expect(groups[1].groups[0].versions.map((x) => x.version)).toEqual([3, 2])
    expect(groups[0].groups[0].meeting?.cadence).toBe('board')
  })

  it('places a meeting version by the meeting date, not when it was saved', () => {
    // Meeting on 30 Sep, ended (saved) on 1 Oct: belongs to Q3.
    const late = { id: 'm9', title: 'Late', cadence: 'board', startsAt: '2026-09-29T12:00:00Z' }
    const groups = groupVersionsByQuarter([v(1, '2026-10-14T12:00:00Z', late)])
    expect(groups[0].quarter).toBe('Q3 2026')
  })

  it('keeps versions of one meeting in one group even when interleaved', () => {
    const versions = [v(1, '2026-08-14T13:00:00Z', board3), v(2, '2026-08-14T13:05:00Z'), v(3, '2026-08-14T13:10:00Z', board3)]
    const [q] = groupVersionsByQuarter(versions)
    const meeting = q.groups.find((g) => g.meeting?.id === 'm1')!
    expect(meeting.versions.map((x) => x.version).sort()).toEqual([1, 3])
    expect(q.groups).toHaveLength(2)
  })

  it('is empty for no versions', () => {
    expect(groupVersionsByQuarter([])).toEqual([])
  })
})

describe('brief track', () => {
  const versions = [v(4, '2026-11-16T13:00:00Z', board4), v(3, '2026-10-15T13:00:00Z', lead4), v(2, '2026-09-01T12:00:00Z'), v(1, '2026-08-14T13:00:00Z', board3)]

  it('takes board-meeting versions oldest first', () => {
    expect(boardVersions(versions).map((x) => x.version)).toEqual([1, 4])
  })

  it('lays out each pillar status per board meeting, labelled by quarter', () => {
    const projections = new Map<number, unknown>([
      [1, { kind: 'brief', sections: [{ pillar: 'security', status: 'at-risk' }, { pillar: 'product', status: 'on-track' }] }],
      [4, { kind: 'brief', sections: [{ pillar: 'security', status: 'watch' }, { pillar: 'product', status: 'bogus' }] }],
    ])
    const track = briefTrack(versions, projections)
    expect(track.columns.map((c) => c.quarter)).toEqual(['Q3 2026', 'Q4 2026'])
    expect(track.rows).toHaveLength(8)
    expect(track.rows.find((r) => r.pillar === 'security')!.cells).toEqual(['at-risk', 'watch'])
    expect(track.rows.find((r) => r.pillar === 'product')!.cells).toEqual(['on-track', null])
    expect(track.rows.find((r) => r.pillar === 'business')!.cells).toEqual([null, null])
  })

  it('tolerates missing and malformed projections', () => {
    const track = briefTrack(versions, new Map<number, unknown>([[1, null], [4, { sections: 'nope' }]]))
    expect(track.rows.every((r) => r.cells.every((c) => c === null))).toBe(true)
  })
})

describe('parseVersionRef', () => {
  it('accepts positive integers and "live" only', () => {
    expect(parseVersionRef('3')).toBe(3)
    expect(parseVersionRef('live')).toBe('live')
    expect(parseVersionRef('0')).toBeNull()
    expect(parseVersionRef('-1')).toBeNull()
    expect(parseVersionRef('1.5')).toBeNull()
    expect(parseVersionRef(null)).toBeNull()
  })
})
