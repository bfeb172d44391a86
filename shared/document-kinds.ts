export const DOCUMENT_KINDS = ['roadmap', 'brief', 'vendors', 'decisions', 'risks', 'summary', 'notes'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  roadmap: 'Roadmap',
  brief: 'Pillar brief',
  vendors: 'Vendor & platform register',
  decisions: 'Decision queue',
  risks: 'Risk & incident log',
  summary: 'Quarterly board summary',
  notes: 'Notes',
}
