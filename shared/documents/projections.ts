// The projection type of each kind, in one place for the registry and the comparison.
import type { DocumentKind } from '../document-kinds'
import type { BriefProjection } from './brief'
import type { DecisionsProjection } from './decisions'
import type { NotesProjection } from './notes'
import type { RisksProjection } from './risks'
import type { RoadmapProjection } from './roadmap'
import type { SummaryProjection } from './summary'
import type { VendorsProjection } from './vendors'

export interface ProjectionByKind {
  roadmap: RoadmapProjection
  brief: BriefProjection
  vendors: VendorsProjection
  decisions: DecisionsProjection
  risks: RisksProjection
  summary: SummaryProjection
  notes: NotesProjection
}
export type DocumentProjection = ProjectionByKind[DocumentKind]
