import { describe, expect, it } from 'vitest'
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
