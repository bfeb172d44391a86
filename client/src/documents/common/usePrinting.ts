// Whether the page is being printed (beforeprint, or print media as a test emulates it), so a
// windowed table renders every row on paper.
import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'

export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => matchMedia('print').matches)
  useEffect(() => {
    const media = matchMedia('print')
    // flushSync: the browser lays out the print as soon as beforeprint returns.
    const start = () => flushSync(() => setPrinting(true))
    const end = () => setPrinting(media.matches)
    const change = () => (media.matches ? start() : end())
    addEventListener('beforeprint', start)
    addEventListener('afterprint', end)
    media.addEventListener('change', change)
    return () => {
      removeEventListener('beforeprint', start)
      removeEventListener('afterprint', end)
      media.removeEventListener('change', change)
    }
  }, [])
  return printing
}
