// JSON shapes of the meeting endpoints (/api/workspaces/:id/meetings, /api/meetings/:id…).
import type { DocumentDto } from '../../../shared/api-types'
import type { DocumentKind } from '../../../shared/document-kinds'
import type { Role } from '../../../shared/roles'

export { CADENCES, type Cadence } from '../../../shared/cadences'
import type { Cadence } from '../../../shared/cadences'
export type MeetingStatus = 'scheduled' | 'in-progress' | 'ended'

export interface MeetingDto {
  id: string
  workspaceId: string
  cadence: Cadence
  title: string
  startsAt: string
  startedAt: string | null
  endedAt: string | null
  status: MeetingStatus
  notesDocumentId: string
  notes: DocumentDto | null
  agenda: DocumentDto[]
  attendees: { userId: string; name: string }[]
}

export interface MeetingInput {
  cadence: Cadence
  title: string
  startsAt: string
  agenda: string[]
  attendeeIds: string[]
}

export interface MeetingAccessDto {
  meeting: MeetingDto
  role: Role
  canWrite: boolean
}

export interface EndMeetingDto {
  meeting: MeetingDto
  alreadyEnded: boolean
  versions: { documentId: string; version: number; label: string; createdAt?: string }[]
}

export interface AgendaProposalItem {
  documentId: string
  kind: DocumentKind
  title: string
  reasons: string[]
}

export interface DecisionItemInput {
  question: string
  owner?: string
  dueDate?: string
}
