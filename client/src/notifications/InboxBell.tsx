// The header's notification inbox: a bell with the live unread count; pressing it lists the newest
// notifications, and choosing one marks it read and opens its document at the thread.
import { useEffect, useId, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import type { NotificationDto } from '../../../shared/api'
import { api, errorMessage } from '../api'
import { threadLink } from '../comments/thread-link'
import { notificationText } from './notification-text'
import { useUnreadCount } from './useUnreadCount'
import './inbox.css'

export function InboxBell() {
  const [unread, setUnread] = useUnreadCount(true)
  const [open, setOpen] = useState(false)
  const [items, setItems] = useState<NotificationDto[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const root = useRef<HTMLDivElement>(null)
  const navigate = useNavigate()
  const panelId = useId()

  useEffect(() => {
    if (!open) return
    setError(null)
    api.listNotifications().then((res) => { setItems(res.notifications); setUnread(res.unread) }, (err) => setError(errorMessage(err)))
  }, [open, unread, setUnread])

  // Close on Escape or a click elsewhere.
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { setOpen(false); root.current?.querySelector('button')?.focus() } }
    const onClick = (e: MouseEvent) => { if (!root.current?.contains(e.target as Node)) setOpen(false) }
    document.addEventListener('keydown', onKey)
    document.addEventListener('mousedown', onClick)
    return () => { document.removeEventListener('keydown', onKey); document.removeEventListener('mousedown', onClick) }
  }, [open])

  async function openNotification(n: NotificationDto) {
    setOpen(false)
    if (!n.read) void api.markNotificationsRead([n.id]).catch(() => {})
    navigate(threadLink(n.documentId, n.commentId))
  }

  return (
    <div className="inbox" ref={root}>
      <button
        type="button" className="button subtle inbox-bell" aria-expanded={open} aria-controls={open ? panelId : undefined} data-testid="inbox-bell"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'} onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && <span className="inbox-count" data-testid="inbox-count">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div id={panelId} className="inbox-panel" role="region" aria-label="Notifications">
          <div className="inbox-head">
            <h2 className="side-title">Notifications</h2>
            {unread > 0 && (
              <button type="button" className="button small subtle" onClick={() => void api.markNotificationsRead().catch((err) => setError(errorMessage(err)))}>
                Mark all read
              </button>
            )}
          </div>
          {error && <p className="form-error" role="alert">{error}</p>}
          {items === null && !error && <p className="muted small-text">Loading…</p>}
          {items?.length === 0 && <p className="muted small-text">Nothing yet. Mentions, replies to your threads and new threads on documents you follow appear here.</p>}
          {items && items.length > 0 && (
            <ul className="inbox-list">
              {items.map((n) => (
                <li key={n.id}>
                  <button type="button" className={`inbox-item${n.read ? '' : ' unread'}`} onClick={() => void openNotification(n)} data-testid="inbox-item">
                    <span>{notificationText(n)}</span>
                    <time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}</time>
                    {!n.read && <span className="visually-hidden"> (unread)</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
