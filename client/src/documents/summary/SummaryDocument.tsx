// Quarterly board summary: the rich-text body framed by live blocks read from the workspace's
// brief, roadmap and risk log (the sources named in the summary's meta, else the first of each
// kind). Prints as a clean A4 document.
import { getSummaryBody, readSummary } from '../../../../shared/documents/summary'
import type { DocumentBodyProps } from '../document-body'
import { pickSourceDocument } from '../common/pick-source'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useWorkspaceDocuments, useWorkspaceId } from '../common/useWorkspaceDocuments'
import { RichTextField } from '../rich-text/RichTextField'
import { BriefBlock } from './BriefBlock'
import { RisksBlock } from './RisksBlock'
import { RoadmapBlock } from './RoadmapBlock'
import { SummaryControls } from './SummaryControls'
import '../kinds.css'

export default function SummaryDocument({ ydoc, provider, canWrite, user, documentId, workspaceId }: DocumentBodyProps) {
  const summary = useDocumentSnapshot(ydoc, readSummary)
  const live = provider !== null
  const wsId = useWorkspaceId(live ? documentId : undefined, workspaceId)
  const { documents, error } = useWorkspaceDocuments(live ? wsId : null)
  const pick = (kind: 'brief' | 'roadmap' | 'risks', id: string | null) => (documents ? pickSourceDocument(documents, kind, id) : null)
  const brief = pick('brief', summary.sources.briefId)
  const roadmap = pick('roadmap', summary.sources.roadmapId)
  const risks = pick('risks', summary.sources.risksId)

  return (
    <div className="board-doc summary-doc" data-kind="summary">
      <SummaryControls ydoc={ydoc} summary={summary} documents={documents} canWrite={canWrite} />
      {!live && <p className="banner no-print">Live blocks show the current brief, roadmap and risk log, so they are not part of saved versions.</p>}
      {error && <p className="form-error no-print" role="alert">Live blocks unavailable: {error}</p>}
      {live && <BriefBlock source={brief} loading={!documents} />}
      <div className="summary-body">
        <RichTextField fragment={getSummaryBody(ydoc)} provider={provider} user={user} canWrite={canWrite} label="Summary body" variant="body" commentPlace={{ field: 'body' }} />
      </div>
      {live && <RoadmapBlock source={roadmap} loading={!documents} />}
      {live && <RisksBlock source={risks} loading={!documents} />}
    </div>
  )
}
