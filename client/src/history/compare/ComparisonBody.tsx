// One compare component per document kind.
import type { Comparison } from '../../../../shared/documents/compare'
import { BriefCompare } from './BriefCompare'
import { DecisionsCompare } from './DecisionsCompare'
import { NotesCompare } from './NotesCompare'
import { RisksCompare } from './RisksCompare'
import { RoadmapCompare } from './RoadmapCompare'
import { SummaryCompare } from './SummaryCompare'
import { VendorsCompare } from './VendorsCompare'

export function ComparisonBody({ comparison }: { comparison: Comparison }) {
  switch (comparison.kind) {
    case 'roadmap':
      return <RoadmapCompare comparison={comparison} />
    case 'brief':
      return <BriefCompare comparison={comparison} />
    case 'vendors':
      return <VendorsCompare comparison={comparison} />
    case 'decisions':
      return <DecisionsCompare comparison={comparison} />
    case 'risks':
      return <RisksCompare comparison={comparison} />
    case 'summary':
      return <SummaryCompare comparison={comparison} />
    case 'notes':
      return <NotesCompare comparison={comparison} />
    default:
      return <p className="muted">This kind of document cannot be compared yet.</p>
  }
}
