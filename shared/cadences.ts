// Meeting cadences: the one list the schema, the API, the client's forms and the board pack share.
export const CADENCES = ['weekly', 'leadership', 'roadmap-review', 'board', 'ad-hoc'] as const
export type Cadence = (typeof CADENCES)[number]

export function isCadence(value: unknown): value is Cadence {
  return typeof value === 'string' && (CADENCES as readonly string[]).includes(value)
}

/** As a choice in a form or a chip: "Roadmap & vendor review". */
export const CADENCE_LABELS: Record<Cadence, string> = {
  weekly: 'Weekly 1:1',
  leadership: 'Leadership',
  'roadmap-review': 'Roadmap & vendor review',
  board: 'Board',
  'ad-hoc': 'Ad hoc',
}

/** Inside a sentence or a title: "Q3 2026 board meeting". */
export const CADENCE_NOUNS: Record<Cadence, string> = {
  weekly: 'weekly 1:1',
  leadership: 'leadership meeting',
  'roadmap-review': 'roadmap & vendor review',
  board: 'board meeting',
  'ad-hoc': 'meeting',
}

/** The board pack's title names the meeting it was built for: "Quarterly board pack — 15 Sep 2026". */
export const CADENCE_PACK_NAMES: Record<Cadence, string> = {
  weekly: 'Weekly 1:1 pack',
  leadership: 'Leadership pack',
  'roadmap-review': 'Roadmap & vendor review pack',
  board: 'Quarterly board pack',
  'ad-hoc': 'Meeting pack',
}

export function cadenceLabel(cadence: string | null | undefined): string {
  return isCadence(cadence) ? CADENCE_LABELS[cadence] : 'Meeting'
}
