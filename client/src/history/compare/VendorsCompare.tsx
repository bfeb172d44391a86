import type { VendorsComparison } from '../../../../shared/documents/compare'
import { DEFAULT_CURRENCY } from '../../../../shared/documents/currency'
import { CurrencyChange } from './CurrencyChange'
import { formatMoney } from './format'
import { RowsCompare } from './RowsCompare'

export function VendorsCompare({ comparison }: { comparison: VendorsComparison }) {
  const { before, after } = comparison.currency
  const currency = after ?? before ?? DEFAULT_CURRENCY
  return (
    <div className="compare-kind">
      <section className="compare-section">
        <h3 className="compare-title">Vendors &amp; platforms</h3>
        <CurrencyChange before={before} after={after} />
        <RowsCompare
          diff={comparison.vendors}
          noun={['vendor', 'vendors']}
          label={(v) => v.name}
          describe={(v) => [v.category, formatMoney(v.annualValue ?? 0, currency), v.renewalDate ? `renews ${v.renewalDate}` : null, v.assessment].filter(Boolean).join(' · ')}
          currency={currency}
          idAttribute="data-vendor-id"
        />
      </section>
    </div>
  )
}
