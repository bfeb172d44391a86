// Said above a comparison's money: figures in two currencies do not subtract.
export function CurrencyChange({ before, after }: { before: string | null; after: string | null }) {
  if (!before || !after || before === after) return null
  return (
    <p className="compare-note" data-testid="currency-change">
      Amounts changed currency, from {before} to {after}: the figures are shown in {after}, not converted.
    </p>
  )
}
