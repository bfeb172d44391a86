// Live block: the brief's eight pillar tiles.
import { readBrief } from '../../../../shared/documents/brief'
import { PillarTiles } from '../brief/PillarTiles'
import type { PickedSource } from '../common/pick-source'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useReadOnlyDoc } from '../common/useReadOnlyDoc'
import { LiveBlock } from './LiveBlock'

export function BriefBlock({ source, loading }: { source: PickedSource | null; loading: boolean }) {
  const { ydoc, synced } = useReadOnlyDoc(source?.document.id ?? null)
  const brief = useDocumentSnapshot(ydoc, readBrief)
  return (
    <LiveBlock recordId="summary-block:brief" title="Pillar status" kindLabel="pillar brief" source={source} loading={loading} synced={synced} testId="summary-brief-block">
      {brief && <PillarTiles sections={brief.sections} />}
    </LiveBlock>
  )
}
