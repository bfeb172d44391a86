// Human labels for meetings and the versions they save, e.g. "Q3 2026 board meeting".
export const CADENCES = ['weekly', 'leadership', 'roadmap-review', 'board', 'ad-hoc'] as const
export type Cadence = (typeof CADENCES)[number]

const CADENCE_NOUN: Record<Cadence, string> = {
  weekly: 'weekly 1:1',
  leadership: 'leadership meeting',
  'roadmap-review': 'roadmap & vendor review',
  board: 'board meeting',
  'ad-hoc': 'meeting',
}

export function quarterOf(date: Date): string {
  return `Q${Math.floor(date.getUTCMonth() / 3) + 1} ${date.getUTCFullYear()}`
}

export function versionLabelForMeeting(cadence: Cadence, startsAt: number): string {
  return `${quarterOf(new Date(startsAt))} ${CADENCE_NOUN[cadence]}`
}
