// A meeting as an iCalendar event (ical-generator), with the series' RRULE where it has one, so a
// calendar program shows the whole series. A meeting is booked for an hour (Quorum keeps no end time).
import ical, { ICalEventRepeatingFreq } from 'ical-generator'
import { RECURRENCE_RULES } from '../../shared/recurrence'
import type { Meeting } from './end-meeting'

const DURATION_MS = 60 * 60_000

export function meetingCalendar(meeting: Meeting, meetingUrl: string): string {
  const calendar = ical({ name: meeting.title, prodId: { company: 'Quorum', product: 'Quorum', language: 'EN' } })
  const rule = meeting.recurrence === null ? null : RECURRENCE_RULES[meeting.recurrence]
  calendar.createEvent({
    id: `${meeting.seriesId ?? meeting.id}@quorum`,
    start: new Date(meeting.startsAt),
    end: new Date(meeting.startsAt + DURATION_MS),
    summary: meeting.title,
    url: meetingUrl,
    repeating: rule === null ? null : { freq: ICalEventRepeatingFreq[rule.freq], interval: rule.interval },
  })
  return calendar.toString()
}
