// Labels of the versions a meeting saves, e.g. "Q3 2026 board meeting".
import { CADENCE_NOUNS, type Cadence } from '../../shared/cadences'
import { quarterLabel } from '../../shared/format/quarters'

export function versionLabelForMeeting(cadence: Cadence, startsAt: number, fyStartMonth?: number): string {
  return `${quarterLabel(startsAt, fyStartMonth)} ${CADENCE_NOUNS[cadence]}`
}
