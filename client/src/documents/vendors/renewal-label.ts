// The renewal flag's wording, from the days left until the notice deadline.
export function renewalFlagLabel(daysToNotice: number): string {
  if (daysToNotice < 0) return 'Notice passed'
  if (daysToNotice === 0) return 'Notice due today'
  if (daysToNotice === 1) return 'Notice in 1 day'
  return `Notice in ${daysToNotice} days`
}

/** 'urgent' inside 30 days or passed, 'soon' otherwise (within the 90-day horizon). */
export function renewalFlagTone(daysToNotice: number): 'urgent' | 'soon' {
  return daysToNotice <= 30 ? 'urgent' : 'soon'
}
