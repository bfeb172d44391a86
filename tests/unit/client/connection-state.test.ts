// The document page's connection state machine: which close codes stop syncing for good, and why.
import { describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/close-codes'
import {
  connectionReducer,
  initialConnection,
  noAccessReasonForClose,
  stopReason,
  visibleState,
  withheldReason,
  type ConnectionEvent,
  type ConnectionMachine,
  type NoAccessReason,
} from '../../../client/src/sync/connection-state'

const run = (events: ConnectionEvent[], start: ConnectionMachine = initialConnection()) => events.reduce(connectionReducer, start)

describe('noAccessReasonForClose', () => {
  it('names a damaged document apart from archived and rejected ones', () => {
    expect(noAccessReasonForClose(CloseCode.documentDamaged)).toBe('damaged')
    expect(noAccessReasonForClose(CloseCode.documentGone)).toBe('archived')
    expect(noAccessReasonForClose(CloseCode.invalidUpdate)).toBe('rejected')
    expect(noAccessReasonForClose(CloseCode.messageTooBig)).toBe('rejected')
  })

  it('is null for the codes the provider reconnects after', () => {
    for (const code of [CloseCode.goingAway, CloseCode.storageFailed, CloseCode.tooSlow, CloseCode.accessChanged, 1006]) {
      expect(noAccessReasonForClose(code)).toBeNull()
    }
  })
})

describe('connectionReducer', () => {
  it('a damaged document on a first connection ends as no-access "damaged", never "connecting"', () => {
    const m = run([{ type: 'socket-closed', code: CloseCode.documentDamaged }, { type: 'no-access', reason: 'damaged' }])
    expect(visibleState(m)).toBe('no-access')
    expect(m.noAccessReason).toBe('damaged')
    expect(m.lastCloseCode).toBe(CloseCode.documentDamaged)
  })

  it('stays damaged through later socket events and the browser going offline', () => {
    const damaged = run([{ type: 'synced' }, { type: 'socket-closed', code: CloseCode.documentDamaged }, { type: 'no-access', reason: 'damaged' }])
    const after = run([{ type: 'socket-closed', code: 1006 }, { type: 'synced' }, { type: 'browser-offline' }, { type: 'no-access', reason: 'rejected' }], damaged)
    expect(visibleState(after)).toBe('no-access')
    expect(after.noAccessReason).toBe('damaged')
  })

  it('a reset (another document opened) starts over from connecting', () => {
    const damaged = run([{ type: 'no-access', reason: 'damaged' }])
    const m = connectionReducer(damaged, { type: 'reset', browserOnline: true })
    expect(visibleState(m)).toBe('connecting')
    expect(m.noAccessReason).toBeNull()
  })

  it('a close before the first sync stays "connecting"; after it, "reconnecting"', () => {
    expect(visibleState(run([{ type: 'socket-closed', code: 1006 }]))).toBe('connecting')
    expect(visibleState(run([{ type: 'synced' }, { type: 'socket-closed', code: 1006 }]))).toBe('reconnecting')
  })
})

describe('stopReason and withheldReason', () => {
  const reasons: NoAccessReason[] = ['archived', 'forbidden', 'not-found', 'damaged', 'rejected']

  it('withholds the body when syncing stopped, for any reason, before the document arrived', () => {
    for (const reason of reasons) {
      const m = run([{ type: 'socket-closed', code: 1006 }, { type: 'no-access', reason }])
      expect(stopReason(m)).toBe(reason)
      expect(withheldReason(m)).toBe(reason)
    }
    const signedOut = run([{ type: 'signed-out' }])
    expect(stopReason(signedOut)).toBe('signed-out')
    expect(withheldReason(signedOut)).toBe('signed-out')
  })

  it('keeps showing what a page received once it had synced', () => {
    for (const reason of [...reasons, 'signed-out'] as const) {
      const stop: ConnectionEvent = reason === 'signed-out' ? { type: 'signed-out' } : { type: 'no-access', reason }
      const m = run([{ type: 'synced' }, { type: 'socket-closed', code: 1006 }, stop])
      expect(stopReason(m)).toBe(reason)
      expect(withheldReason(m)).toBeNull()
    }
  })

  it('is null while syncing may still go on: connecting, connected, reconnecting, offline', () => {
    const states = [
      run([]),
      run([{ type: 'socket-closed', code: 1006 }]),
      run([{ type: 'synced' }]),
      run([{ type: 'synced' }, { type: 'socket-closed', code: CloseCode.accessChanged }]),
      run([{ type: 'browser-offline' }]),
    ]
    for (const m of states) {
      expect(stopReason(m)).toBeNull()
      expect(withheldReason(m)).toBeNull()
    }
  })
})
