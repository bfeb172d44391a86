// The meeting room: agenda on the left, the selected document live in the middle, people and
// notes on the right. Everyone is connected to the notes document; its awareness carries presence
// and presenting.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { colorForUser, type PresenceUser } from '../../../shared/presence'
import { api } from '../api'
import { ConnectionBadge } from '../components/ConnectionBadge'
import { useSession } from '../session/session'
import { listenForNotices } from '../sync/notice-listeners'
import { useDocumentSync } from '../sync/useDocumentSync'
import { usePresence } from '../sync/usePresence'
import { todayIso } from './action-dates'
import { ActionItemsPanel, type ActionDraft } from './ActionItemsPanel'
import { AgendaSidebar } from './AgendaSidebar'
import { CarriedActions } from './CarriedActions'
import { DecisionsPanel } from './DecisionsPanel'
import { LiveAgendaDocument } from './LiveAgendaDocument'
import { MeetingControls } from './MeetingControls'
import { MeetingHeader } from './MeetingHeader'
import type { EndMeetingDto, MeetingAccessDto, MeetingDto } from '../../../shared/api'
import { MeetingVersions, useMeetingVersions } from './MeetingVersions'
import { MinutesApproval } from './MinutesApproval'
import { useMeetingActions } from './useMeetingActions'
import { NotesPanel } from './NotesPanel'
import { PresentingBanner } from './PresentingBanner'
import { shownDocument } from './presenting'
import { RoomPresence } from './RoomPresence'
import { SavedAgendaDocument } from './SavedAgendaDocument'
import { useFollowScroll } from './useFollowScroll'
import { useMeetingStatusSync } from './useMeetingStatusSync'
import { usePresenting } from './usePresenting'

interface Props {
  access: MeetingAccessDto
  onMeetingChange: (meeting: MeetingDto) => void
  /** Re-read the meeting from the server (someone else started or ended it). */
  onRefresh: () => void
}

export function MeetingRoom({ access, onMeetingChange, onRefresh }: Props) {
  const { meeting, canWrite } = access
  const { user: me, markSignedOut } = useSession()
  const user = useMemo<PresenceUser>(
    () => ({ id: me?.id ?? '', name: me?.name ?? '', color: colorForUser(me?.id ?? ''), role: access.role }),
    [me, access.role],
  )
  const notesSync = useDocumentSync(meeting.notesDocumentId, { user, localCopyFor: canWrite ? me?.id : null })
  const people = usePresence(notesSync.provider, me?.id)
  const presenting = usePresenting(notesSync.provider)
  const [ownChoice, setOwnChoice] = useState<string | null>(null)
  const [ended, setEnded] = useState<EndMeetingDto | null>(null)
  // An action title taken from the notes ("Make action"), numbered so the same line twice opens the form twice.
  const [actionDraft, setActionDraft] = useState<ActionDraft | null>(null)
  const pane = useRef<HTMLDivElement>(null)
  const announce = useMeetingStatusSync(notesSync.provider, meeting.status, onRefresh)
  const isEnded = meeting.status === 'ended'
  const actions = useMeetingActions(meeting.id, meeting.workspaceId, notesSync.provider)
  const today = todayIso()
  // Loaded only once the meeting has ended (as "end" returned them, or from each document's history).
  const saved = useMeetingVersions(isEnded ? meeting : { ...meeting, agenda: [], notes: null }, ended?.versions ?? null)
  const savedVersionOf = (documentId: string) => saved.versions?.find((v) => v.documentId === documentId)?.version ?? null

  // The meeting's record (decisions, attendance, minutes) as the server has it now.
  const reread = useCallback(() => {
    void api.getMeeting(meeting.id).then((fresh) => onMeetingChange(fresh.meeting)).catch(() => onRefresh())
  }, [meeting.id, onMeetingChange, onRefresh])
  // Someone else recorded a decision, changed the attendance or approved the minutes.
  useEffect(() => {
    const provider = notesSync.provider
    if (!provider) return
    return listenForNotices(provider, (notice) => {
      if (notice.type === 'meeting' && notice.meetingId === meeting.id) reread()
    })
  }, [notesSync.provider, meeting.id, reread])

  useEffect(() => {
    if (notesSync.state === 'signed-out') markSignedOut()
  }, [notesSync.state, markSignedOut])

  const agendaIds = useMemo(() => meeting.agenda.map((d) => d.id), [meeting.agenda])
  const shownId = shownDocument(presenting.mode, presenting.presenter, ownChoice, agendaIds)
  const shown = meeting.agenda.find((d) => d.id === shownId) ?? null
  const { mode, presenter, publish, startPresenting, stopPresenting, setFollowing } = presenting
  useFollowScroll(pane, mode, presenter, shownId, publish)

  const select = useCallback(
    (documentId: string) => {
      // Choosing another item yourself stops following (the banner offers to follow again).
      if (mode === 'following' && documentId !== shownId) setFollowing(false)
      setOwnChoice(documentId)
    },
    [mode, shownId, setFollowing],
  )

  const follow = (on: boolean) => {
    if (!on) setOwnChoice(shownId) // stay where the presenter was: no jump
    setFollowing(on)
  }

  const togglePresent = () => {
    if (mode === 'presenting') stopPresenting()
    else if (shownId) {
      setOwnChoice(shownId)
      startPresenting(shownId)
    }
  }

  return (
    <main className="page meeting-room" data-testid="meeting-room" data-status={meeting.status}>
      <div className="room-head">
        <MeetingHeader meeting={meeting} />
        <div className="room-head-side">
          <ConnectionBadge state={notesSync.state} noAccessReason={notesSync.noAccessReason} unsentChanges={notesSync.unsentChanges} localCopy={notesSync.localCopy} />
          <MeetingControls
            meeting={meeting}
            canWrite={canWrite}
            presenting={mode === 'presenting'}
            onTogglePresent={togglePresent}
            onMeetingChange={(fresh) => {
              onMeetingChange(fresh)
              announce(fresh.status)
            }}
            onEnded={(result) => {
              setEnded(result)
              if (mode === 'presenting') stopPresenting()
              onMeetingChange(result.meeting)
              announce(result.meeting.status)
            }}
          />
        </div>
      </div>

      {isEnded && (
        <MeetingVersions meeting={meeting} versions={saved.versions} error={saved.error}>
          <MinutesApproval meeting={meeting} role={access.role} onMeetingChange={onMeetingChange} />
        </MeetingVersions>
      )}

      <div className="room-grid">
        <AgendaSidebar
          agenda={meeting.agenda}
          selectedId={shownId}
          presenterDocumentId={presenter && mode !== 'presenting' ? presenter.presenting.documentId : null}
          onSelect={select}
        >
          <CarriedActions state={actions} canWrite={canWrite} today={today} />
        </AgendaSidebar>
        <section className="room-stage" aria-label="Document">
          <div className="stage-head">
            <h2 className="stage-title">{shown ? shown.title : 'Nothing on the agenda'}</h2>
            <PresentingBanner mode={mode} presenter={presenter} onFollow={follow} />
          </div>
          <div className="stage-scroll" ref={pane} data-testid="stage-scroll">
            <div className="stage-content">
              {shown && isEnded ? (
                saved.versions === null ? (
                  saved.error ? null : <div className="empty">Loading the versions saved when the meeting ended…</div>
                ) : (
                  <SavedAgendaDocument key={shown.id} document={shown} version={savedVersionOf(shown.id)} endedAt={meeting.endedAt} user={user} />
                )
              ) : shown ? (
                <LiveAgendaDocument key={shown.id} document={shown} user={user} canWrite={canWrite} />
              ) : (
                <div className="empty">Add documents to the agenda to show them here.</div>
              )}
            </div>
          </div>
        </section>
        <aside className="room-side">
          <RoomPresence people={people} presenterId={presenter?.userId ?? null} />
          <DecisionsPanel
            meeting={meeting}
            canWrite={canWrite}
            present={people.filter((p) => !p.away).map((p) => ({ userId: p.id, name: p.name }))}
            today={today}
            onRecorded={reread}
          />
          <ActionItemsPanel meetingId={meeting.id} state={actions} canWrite={canWrite} meId={me?.id ?? ''} today={today} draft={actionDraft} />
          <NotesPanel
            meetingId={meeting.id}
            notes={meeting.notes}
            sync={notesSync}
            user={user}
            canWrite={canWrite}
            onMakeAction={(title) => setActionDraft((d) => ({ title, n: (d?.n ?? 0) + 1 }))}
          />
        </aside>
      </div>
    </main>
  )
}
