// Turning selected note text into decision-queue items: one per line. Pure.
import type { DecisionItemInput } from '../../../shared/api'

export const MAX_ITEMS = 50

/** Lines of selected text, without list markers ("- ", "• ", "1. ", "[ ] ") or blank lines. */
export function linesFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•·–]|\d+[.)]|\[[ xX]?\])\s*/, '').trim())
    .filter((line) => line.length > 0)
    .slice(0, MAX_ITEMS)
}

export interface DraftItem {
  question: string
  owner: string
  dueDate: string
}

/** Drafts worth sending: a question is required; owner and due date only when given. */
export function itemsToSend(drafts: readonly DraftItem[]): DecisionItemInput[] {
  return drafts
    .map((d) => ({ question: d.question.trim(), owner: d.owner.trim(), dueDate: d.dueDate.trim() }))
    .filter((d) => d.question.length > 0)
    .map((d) => ({
      question: d.question,
      ...(d.owner ? { owner: d.owner } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(d.dueDate) ? { dueDate: d.dueDate } : {}),
    }))
}
