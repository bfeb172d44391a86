// The one way Quorum writes dates, in the browser, in compare and in the board pack: "15 Sep 2026".
// Time-zone rule: a date field ('YYYY-MM-DD') is a calendar date and is written as it is; a moment
// (a timestamp: a version saved, a meeting ended) is written as its calendar date in UTC, so every
// reader and the server's pack give the same day. Only a meeting's start time is shown in the
// reader's own zone (see client/src/meetings), because people join it at their local time.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/
const ISO_MONTH = /^(\d{4})-(\d{2})$/

const pad = (n: number) => String(n).padStart(2, '0')

/** '2026-09' → 'Sep'; '?' for a month that is not one. */
export function monthShort(month: string): string {
  const m = ISO_MONTH.exec(month)
  return (m && MONTHS[Number(m[2]) - 1]) || '?'
}

/** '2026-09' → 'Sep 2026'; anything else as it is. */
export function monthLabel(month: string): string {
  const m = ISO_MONTH.exec(month)
  return m && MONTHS[Number(m[2]) - 1] ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : month
}

/** 'Jul–Nov 2026', 'Nov 2026–Jan 2027', 'Jul 2026'. */
export function periodLabel(start: string, end: string): string {
  if (start === end) return monthLabel(start)
  if (start.slice(0, 4) === end.slice(0, 4)) return `${monthShort(start)}–${monthLabel(end)}`
  return `${monthLabel(start)}–${monthLabel(end)}`
}

/** The UTC calendar date of a moment, as 'YYYY-MM-DD'. */
export function utcDate(moment: number | Date): string {
  const d = new Date(moment)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/**
 * '15 Sep 2026'. A 'YYYY-MM-DD' string is taken as the calendar date it names; a timestamp, a Date
 * or an ISO date-time as its UTC date. '' for nothing or an unreadable value.
 */
export function dateLabel(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return ''
  let iso: string
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) iso = value
  else {
    const t = typeof value === 'string' ? Date.parse(value) : new Date(value).getTime()
    if (!Number.isFinite(t)) return typeof value === 'string' ? value : ''
    iso = utcDate(t)
  }
  const m = ISO_DATE.exec(iso)!
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? '?'} ${m[1]}`
}

/** '15 Sep 2026, 11:02 UTC'. */
export function dateTimeLabel(moment: string | number | Date): string {
  const d = new Date(moment)
  if (!Number.isFinite(d.getTime())) return ''
  return `${dateLabel(d)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`
}
