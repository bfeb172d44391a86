// Today's local calendar day ('YYYY-MM-DD'), updated when the day changes while the page is open.
import { useEffect, useState } from 'react'
import { toIsoDate } from '../../../../shared/documents/calendar'

export function useToday(): string {
  const [today, setToday] = useState(() => toIsoDate(new Date()))
  useEffect(() => {
    const timer = window.setInterval(() => setToday(toIsoDate(new Date())), 60_000)
    return () => window.clearInterval(timer)
  }, [])
  return today
}
