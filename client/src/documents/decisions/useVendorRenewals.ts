// Renewal decisions derived, live, from the workspace's vendor register (the first non-archived
// `vendors` document), read over a second read-only sync connection. Never stored here.
import { useMemo } from 'react'
import { derivedRenewalDecisions, type DerivedDecision } from '../../../../shared/documents/vendor-renewals'
import { readVendorsLive } from '../../../../shared/documents/vendors'
import { pickSourceDocument } from '../common/pick-source'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useReadOnlyDoc } from '../common/useReadOnlyDoc'
import { useWorkspaceDocuments } from '../common/useWorkspaceDocuments'

export interface VendorRenewals {
  items: DerivedDecision[]
  /** The register they come from; null when the workspace has none (or not yet known). */
  source: { id: string; title: string } | null
}

export function useVendorRenewals(workspaceId: string | null, today: string): VendorRenewals {
  const { documents } = useWorkspaceDocuments(workspaceId)
  const picked = documents ? pickSourceDocument(documents, 'vendors', null) : null
  const { ydoc } = useReadOnlyDoc(picked?.document.id ?? null)
  const vendors = useDocumentSnapshot(ydoc, readVendorsLive)
  const items = useMemo(() => (vendors ? derivedRenewalDecisions(vendors.vendors, today) : []), [vendors, today])
  return { items, source: picked ? { id: picked.document.id, title: picked.document.title } : null }
}
