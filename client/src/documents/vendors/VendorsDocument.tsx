// Vendor & platform register: sorted by renewal date, notice deadlines computed and flagged,
// an append-only decision history per vendor.
import { useMemo, useState } from 'react'
import { renewalFlag, sortByRenewal } from '../../../../shared/documents/vendor-renewals'
import { addVendor, readVendorsLive, removeVendor, setVendorsCurrency } from '../../../../shared/documents/vendors'
import type { DocumentBodyProps } from '../document-body'
import { CurrencySelect } from '../common/CurrencySelect'
import { formatMoney } from '../common/format'
import { UndoControls } from '../common/UndoControls'
import { useBoardBaseline } from '../common/useBoardBaseline'
import { useDocumentSnapshot } from '../common/useDocumentSnapshot'
import { useLocalUndo } from '../common/useLocalUndo'
import { useToday } from '../common/useToday'
import { VendorRow } from './VendorRow'
import '../kinds.css'

const ROOTS = ['vendors', 'meta']

export default function VendorsDocument({ ydoc, provider, canWrite, user, documentId, highlight }: DocumentBodyProps) {
  const { vendors, currency } = useDocumentSnapshot(ydoc, readVendorsLive)
  const sorted = useMemo(() => sortByRenewal(vendors), [vendors])
  const undo = useLocalUndo(ydoc, ROOTS, canWrite)
  const baseline = useBoardBaseline(documentId, 'vendors', ydoc, provider !== null)
  const today = useToday()
  const [expanded, setExpanded] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [focusId, setFocusId] = useState<string | null>(null)
  const highlighted = useMemo(() => new Set(highlight?.rowIds ?? []), [highlight])
  const flagged = sorted.filter((v) => renewalFlag(v, today)).length
  const annual = vendors.reduce((sum, v) => sum + v.annualValue, 0)

  const add = () => {
    const result = undo.write(() => addVendor(ydoc, {}))
    if (result.ok) setFocusId(result.id)
  }

  return (
    <div className="board-doc vendors-doc" data-kind="vendors">
      <div className="board-doc-bar">
        <div className="figures">
          <div className="figure"><span className="figure-label">Vendors</span><span className="figure-value">{vendors.length}</span></div>
          <div className="figure"><span className="figure-label">Annual value</span><span className="figure-value" data-testid="vendors-annual-total" data-value={annual}>{formatMoney(annual, currency)}</span></div>
          <div className={`figure ${flagged ? 'figure-alert' : ''}`}><span className="figure-label">Notice within 90 days</span><span className="figure-value" data-testid="vendors-flagged-count">{flagged}</span></div>
          <CurrencySelect value={currency} readOnly={!canWrite} testId="vendors-currency"
            onChange={(code) => undo.write(() => setVendorsCurrency(ydoc, code))} />
        </div>
      </div>
      <section className="board-section" aria-labelledby="vendors-title">
        <div className="board-section-head">
          <h2 className="board-section-title" id="vendors-title">Register <span className="muted small-text">sorted by renewal date</span></h2>
          {canWrite && <UndoControls undo={undo} />}
          {canWrite && <button type="button" className="button small primary" onClick={add} data-testid="add-vendor">+ Add vendor</button>}
        </div>
        <div className="table-scroll">
          <table className="board-table vendors-table" data-testid="vendors-table">
            <colgroup>
              <col className="col-toggle" /><col className="col-title" /><col className="col-category" /><col className="col-money" />
              <col className="col-date" /><col className="col-notice" /><col className="col-deadline" /><col className="col-owner" />
              <col className="col-assessment" /><col className="col-actions" />
            </colgroup>
            <thead>
              <tr>
                <th aria-label="History" /><th className="cell-title">Vendor</th><th>Category</th><th className="numeric" title="Annual contract value">Value / yr</th><th>Renewal</th>
                <th className="numeric" title="Notice period in days">Notice</th><th>Notice deadline</th><th>Owner</th><th>Assessment</th><th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {sorted.map((vendor) => (
                <VendorRow key={vendor.id} vendor={vendor} ydoc={ydoc} user={user} canWrite={canWrite} write={undo.write} today={today}
                  currency={currency} expanded={expanded === vendor.id} onToggle={() => setExpanded((id) => (id === vendor.id ? null : vendor.id))}
                  confirming={confirming === vendor.id} onAskDelete={() => setConfirming(vendor.id)} onCancelDelete={() => setConfirming(null)}
                  onDelete={() => { undo.write(() => removeVendor(ydoc, vendor.id)); setConfirming(null) }}
                  autoFocus={focusId === vendor.id} baseline={baseline && baseline.rowIds.has(vendor.id) ? baseline : null}
                  highlighted={highlighted.has(vendor.id)} />
              ))}
            </tbody>
          </table>
        </div>
        {vendors.length === 0 && <p className="empty small">{canWrite ? 'No vendors yet. Add contracts to track their renewals.' : 'No vendors yet.'}</p>}
      </section>
    </div>
  )
}
