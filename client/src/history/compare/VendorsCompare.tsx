import type { VendorsComparison } from '../../../../shared/documents/compare'
import { formatMoney } from './format'
import { RowsCompare } from './RowsCompare'

export function VendorsCompare({ comparison }: { comparison: VendorsComparison }) {
  return (
    <div className="compare-kind">
      <section className="compare-section">
        <h3 className="compare-title">Vendors &amp; platforms</h3>
        <RowsCompare
          diff={comparison.vendors}
          noun={['vendor', 'vendors']}
          label={(v) => v.name}
          describe={(v) => [v.category, formatMoney(v.annualValue ?? 0, 'USD'), v.renewalDate ? `renews ${v.renewalDate}` : null, v.assessment].filter(Boolean).join(' · ')}
          idAttribute="data-vendor-id"
        />
      </section>
    </div>
  )
}
