import { describe, expect, it } from 'vitest'
import { digestText, type DigestItem } from '../../../server/notifications/email-digest'

const item = (over: Partial<DigestItem> = {}): DigestItem => ({
  kind: 'mention', actorName: 'Alex Morgan', documentId: 'doc1', documentTitle: 'Roadmap', commentId: 'c/1', body: 'Why\n\ndouble?', ...over,
})

describe('digestText', () => {
  it('names who did what where, quotes the comment on one line, and links the thread with PUBLIC_ORIGIN', () => {
    const text = digestText('Sam', [item(), item({ kind: 'reply', actorName: 'Jordan', body: 'x'.repeat(300) })], 'https://quorum.example.com')
    expect(text).toContain('You have 2 unread notifications')
    expect(text).toContain('- Alex Morgan mentioned you on Roadmap: "Why double?"\n  https://quorum.example.com/d/doc1?thread=c%2F1')
    expect(text).toContain(`- Jordan replied to your thread on Roadmap: "${'x'.repeat(200)}…"`)
  })

  it('has no links without an origin', () => {
    const text = digestText('Sam', [item({ kind: 'new_thread' })], null)
    expect(text).toContain('You have 1 unread notification in Quorum')
    expect(text).toContain('Alex Morgan started a thread on Roadmap')
    expect(text).not.toContain('http')
  })
})
