import type { NotificationDto } from '../../../shared/api'

/** "Alex Morgan mentioned you on Roadmap 2027". */
export function notificationText(n: NotificationDto): string {
  switch (n.kind) {
    case 'mention': return `${n.actorName} mentioned you on ${n.documentTitle}`
    case 'reply': return `${n.actorName} replied to your thread on ${n.documentTitle}`
    case 'new_thread': return `${n.actorName} started a thread on ${n.documentTitle}`
  }
}
