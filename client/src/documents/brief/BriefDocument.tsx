// Pillar brief body: the eight tiles, then one section per pillar in fixed order.
import { useMemo } from 'react'
import { readBrief } from '../../../../shared/documents/brief'
import type { DocumentBodyProps } from '../document-body'
import { UndoControls } from '../common/UndoControls'
import { useBoardBaseline } from '../common/useBoardBaseline'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useLocalUndo } from '../common/useLocalUndo'
import { PillarSection } from './PillarSection'
import { PillarTiles } from './PillarTiles'
import '../kinds.css'

const ROOTS = ['pillars']

export function sectionAnchor(pillar: string): string {
  return `pillar-section-${pillar}`
}

export default function BriefDocument({ ydoc, provider, canWrite, user, documentId, highlight }: DocumentBodyProps) {
  const brief = useDocumentSnapshot(ydoc, readBrief)
  const undo = useLocalUndo(ydoc, ROOTS, canWrite)
  const baseline = useBoardBaseline(documentId, 'brief', ydoc, provider !== null)
  const marked = useMemo(() => new Set([...(highlight?.pillars ?? []), ...(baseline?.pillars ?? [])]), [highlight, baseline])
  const highlighted = useMemo(() => new Set(highlight?.pillars ?? []), [highlight])

  const scrollTo = (pillar: string) => {
    const section = document.getElementById(sectionAnchor(pillar))
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' })
    section?.querySelector<HTMLElement>('select, input')?.focus({ preventScroll: true })
  }

  return (
    <div className="board-doc brief-doc" data-kind="brief">
      <div className="board-doc-bar">
        <PillarTiles sections={brief.sections} onSelect={scrollTo} marked={marked} />
      </div>
      {canWrite && (
        <div className="board-doc-actions">
          <UndoControls undo={undo} />
        </div>
      )}
      {brief.sections.map((section) => (
        <PillarSection
          key={section.pillar}
          id={sectionAnchor(section.pillar)}
          section={section}
          ydoc={ydoc}
          provider={provider}
          user={user}
          canWrite={canWrite}
          write={undo.write}
          baseline={baseline && baseline.pillars.has(section.pillar) ? baseline : null}
          highlighted={highlighted.has(section.pillar)}
        />
      ))}
    </div>
  )
}
