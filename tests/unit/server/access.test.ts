import { describe, expect, it } from 'vitest'
import { ADDRESS_BURST, ADDRESS_DRAIN_MS, addFailure, delayAfterFailures, drainBucket, type Bucket } from '../../../server/auth/login-throttle'
import { isSameOrigin, isSecureRequest } from '../../../server/http/origin'
import { canEditDocuments, canManageMembers, canReadWorkspace } from '../../../shared/roles'

describe('roles', () => {
  it('gives owners everything, editors documents, viewers reading only, strangers nothing', () => {
    expect([canManageMembers('owner'), canEditDocuments('owner'), canReadWorkspace('owner')]).toEqual([true, true, true])
    expect([canManageMembers('editor'), canEditDocuments('editor'), canReadWorkspace('editor')]).toEqual([false, true, true])
    expect([canManageMembers('viewer'), canEditDocuments('viewer'), canReadWorkspace('viewer')]).toEqual([false, false, true])
    expect([canManageMembers(null), canEditDocuments(undefined), canReadWorkspace(null)]).toEqual([false, false, false])
  })
})

describe('origin checks', () => {
  it('accepts only the request\'s own host when no public origin is configured', () => {
    expect(isSameOrigin('http://localhost:3000', 'localhost:3000', [])).toBe(true)
    expect(isSameOrigin('http://localhost:5173', 'localhost:5173', [])).toBe(true)
    expect(isSameOrigin('http://evil.example', 'localhost:3000', [])).toBe(false)
    expect(isSameOrigin('http://localhost:3001', 'localhost:3000', [])).toBe(false)
    expect(isSameOrigin(undefined, 'localhost:3000', [])).toBe(false)
    expect(isSameOrigin('null', 'localhost:3000', [])).toBe(false)
    expect(isSameOrigin('not a url', 'localhost:3000', [])).toBe(false)
  })

  it('accepts the configured public origins and the instance\'s own, nothing else', () => {
    const origins = ['https://quorum.example.com']
    expect(isSameOrigin('https://quorum.example.com', 'internal:3000', origins)).toBe(true)
    expect(isSameOrigin('https://quorum.example.com/', 'internal:3000', origins)).toBe(true)
    expect(isSameOrigin('http://quorum.example.com', 'quorum.example.com', origins)).toBe(false)
    // One instance of several, reached directly: its own origin.
    expect(isSameOrigin('http://10.0.0.7:3001', '10.0.0.7:3001', origins)).toBe(true)
    expect(isSameOrigin('http://evil.example', 'internal:3000', origins)).toBe(false)
    expect(isSameOrigin('https://quorum.example.com.evil.example', 'internal:3000', origins)).toBe(false)
    expect(isSameOrigin('http://10.0.0.7:3002', '10.0.0.7:3001', origins)).toBe(false)
    expect(isSecureRequest('http://internal/', undefined, origins)).toBe(true)
    expect(isSecureRequest('http://internal/', 'https', [])).toBe(true)
    expect(isSecureRequest('http://internal/', undefined, [])).toBe(false)
  })
})

describe('login throttle delays', () => {
  it('allows a few free failures, then doubles the delay up to a cap', () => {
    const policy = { freeFailures: 3, maxDelayMs: 60_000 }
    expect([1, 2, 3].map((n) => delayAfterFailures(n, policy))).toEqual([0, 0, 0])
    expect([4, 5, 6, 7].map((n) => delayAfterFailures(n, policy))).toEqual([1000, 2000, 4000, 8000])
    expect(delayAfterFailures(40, policy)).toBe(60_000)
  })
})

describe('login throttle per address (a bucket)', () => {
  const fill = (n: number, t = 0) => {
    let b: (Bucket & { blockedUntil: number }) | null = null
    for (let i = 0; i < n; i++) b = addFailure(b, t)
    return b!
  }

  it('lets a burst of failures through, then blocks until one has drained', () => {
    expect(fill(ADDRESS_BURST).blockedUntil).toBe(0)
    const over = fill(ADDRESS_BURST + 1, 1000)
    expect(over.blockedUntil).toBe(1000 + ADDRESS_DRAIN_MS)
    expect(fill(ADDRESS_BURST + 3, 1000).blockedUntil).toBe(1000 + 3 * ADDRESS_DRAIN_MS)
  })

  it('drains one failure per interval, keeping the part of an interval already passed', () => {
    const b = { level: 5, since: 0 }
    expect(drainBucket(b, ADDRESS_DRAIN_MS - 1)).toEqual({ level: 5, since: 0 })
    expect(drainBucket(b, 2.5 * ADDRESS_DRAIN_MS)).toEqual({ level: 3, since: 2 * ADDRESS_DRAIN_MS })
    expect(drainBucket(b, 100 * ADDRESS_DRAIN_MS)).toEqual({ level: 0, since: 100 * ADDRESS_DRAIN_MS })
    // A full bucket, half an interval later: the next failure still blocks, for the rest of that interval.
    const full = fill(ADDRESS_BURST, 0)
    expect(addFailure(full, ADDRESS_DRAIN_MS / 2).blockedUntil).toBe(ADDRESS_DRAIN_MS)
    // One interval later one has drained: the next failure fits again.
    expect(addFailure(full, ADDRESS_DRAIN_MS).blockedUntil).toBe(0)
  })
})
