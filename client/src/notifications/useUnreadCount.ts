// The live unread count: the server's event stream (GET /api/notifications/stream) sends it on
// connect and whenever this person's inbox changes; EventSource reconnects by itself.
import { useEffect, useState } from 'react'

/** The count, and a setter for a fresher count read with the list. */
export function useUnreadCount(enabled: boolean): [number, (n: number) => void] {
  const [unread, setUnread] = useState(0)
  useEffect(() => {
    if (!enabled) return
    const source = new EventSource('/api/notifications/stream')
    source.addEventListener('unread', (event) => setUnread(Number((event as MessageEvent<string>).data) || 0))
    return () => source.close()
  }, [enabled])
  return [unread, setUnread]
}
