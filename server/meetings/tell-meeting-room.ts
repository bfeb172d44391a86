// Pages in a meeting's room re-read the meeting when its record changes (a decision, the
// attendance, the minutes approved): a notice on its notes document's sync socket, to the
// connections here and, with several instances, to those of the others through Redis.
import { encodeNotice } from '../../shared/sync-notices'
import type { AppDeps } from '../app-deps'
import type { Meeting } from './end-meeting'

export function tellMeetingRoom(deps: AppDeps, meeting: Pick<Meeting, 'id' | 'notesDocumentId'>): void {
  const frame = encodeNotice({ type: 'meeting', documentId: meeting.notesDocumentId, meetingId: meeting.id })
  deps.rooms.loaded(meeting.notesDocumentId)?.broadcast(frame, null)
  deps.fanout?.notice(meeting.notesDocumentId, frame)
}
