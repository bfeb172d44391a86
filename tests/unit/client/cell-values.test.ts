import { describe, expect, it } from 'vitest'
import { amountInputText, parseDateInput, parseNumberInput } from '../../../client/src/documents/common/cell-values'
import { undoShortcut } from '../../../client/src/documents/common/undo-keys'

describe('parseNumberInput', () => {
  it('reads plain, grouped and currency-prefixed figures', () => {
    expect(parseNumberInput('180000', 0)).toBe(180000)
    expect(parseNumberInput('180,000', 0)).toBe(180000)
    expect(parseNumberInput(' $1,250.50 ', 0)).toBe(1250.5)
    expect(parseNumberInput('€ 2 000', 0)).toBe(2000)
  })
  it('reads k / m / b suffixes', () => {
    expect(parseNumberInput('45k', 0)).toBe(45000)
    expect(parseNumberInput('1.2M', 0)).toBe(1200000)
    expect(parseNumberInput('0.5b', 0)).toBe(500000000)
  })
  it('returns the empty value for blank input and NaN for anything else, so the writer refuses it', () => {
    expect(parseNumberInput('', 0)).toBe(0)
    expect(parseNumberInput('   ', null)).toBeNull()
    expect(parseNumberInput('abc', 0)).toBeNaN()
    expect(parseNumberInput('12abc', 0)).toBeNaN()
    expect(parseNumberInput('1.2.3', 0)).toBeNaN()
  })
  it('keeps the sign, so negative amounts reach the writer and are refused there', () => {
    expect(parseNumberInput('-5', 0)).toBe(-5)
  })
})

describe('parseDateInput / amountInputText', () => {
  it('clears on empty, passes anything else through', () => {
    expect(parseDateInput('')).toBeNull()
    expect(parseDateInput(' 2026-03-01 ')).toBe('2026-03-01')
    expect(parseDateInput('2026-02-30')).toBe('2026-02-30')
  })
  it('groups figures for display inside inputs', () => {
    expect(amountInputText(180000)).toBe('180,000')
    expect(amountInputText(12.5)).toBe('12.5')
    expect(amountInputText(null)).toBe('')
    expect(amountInputText(Number.NaN)).toBe('')
  })
})

describe('undoShortcut', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
  })
  it('maps Ctrl/Cmd+Z to undo and Shift+Z / Ctrl+Y to redo', () => {
    expect(undoShortcut(key('z', { ctrlKey: true }))).toBe('undo')
    expect(undoShortcut(key('z', { metaKey: true }))).toBe('undo')
    expect(undoShortcut(key('Z', { metaKey: true, shiftKey: true }))).toBe('redo')
    expect(undoShortcut(key('y', { ctrlKey: true }))).toBe('redo')
  })
  it('ignores plain keys, Alt combinations and Cmd+Y', () => {
    expect(undoShortcut(key('z'))).toBeNull()
    expect(undoShortcut(key('z', { ctrlKey: true, altKey: true }))).toBeNull()
    expect(undoShortcut(key('y', { metaKey: true }))).toBeNull()
  })
})
