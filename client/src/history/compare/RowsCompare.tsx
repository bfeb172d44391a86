// Rows of a structured document (initiatives, vendors, decisions, risks): changed field by field,
// added, removed. Used by each kind's compare component.
import type { RowsDiff } from '../../../../shared/documents/compare-rows'
import { FieldChanges } from './FieldChanges'

export interface RowsCompareProps<R extends { id: string }> {
  diff: RowsDiff<R>
  /** "initiative" / "initiatives". */
  noun: [string, string]
  label: (row: R) => string
  /** A one-line description of an added or removed row. */
  describe?: (row: R) => string
  currency?: string
  /** Extra attribute naming the row id, e.g. "data-initiative-id". */
  idAttribute?: `data-${string}`
}

export function RowsCompare<R extends { id: string }>({ diff, noun, label, describe, currency, idAttribute }: RowsCompareProps<R>) {
  const ids = (id: string) => ({ 'data-row-id': id, ...(idAttribute ? { [idAttribute]: id } : {}) })
  const total = diff.added.length + diff.removed.length + diff.changed.length
  const count = (n: number) => `${n} ${n === 1 ? noun[0] : noun[1]}`

  if (total === 0) return <p className="muted compare-empty">No {noun[1]} changed.</p>

  return (
    <div className="rows-compare">
      <p className="compare-counts">
        <span>{count(diff.changed.length)} changed</span>
        <span className="added-count">{diff.added.length} added</span>
        <span className="removed-count">{diff.removed.length} removed</span>
      </p>

      {diff.changed.length > 0 && (
        <ul className="compare-rows">
          {diff.changed.map((c) => (
            <li key={c.id} className="compare-row changed" data-testid="compare-changed-row" {...ids(c.id)}>
              <div className="compare-row-title">
                <span className="change-tag changed">Changed</span>
                {c.label || label(c.after)}
              </div>
              <FieldChanges changes={c.fields} currency={currency} />
            </li>
          ))}
        </ul>
      )}
      {diff.added.length > 0 && (
        <ul className="compare-rows">
          {diff.added.map((row) => (
            <li key={row.id} className="compare-row added" data-testid="compare-added-row" {...ids(row.id)}>
              <div className="compare-row-title">
                <span className="change-tag added">Added</span>
                {label(row) || 'Untitled'}
              </div>
              {describe && <p className="compare-row-meta">{describe(row)}</p>}
            </li>
          ))}
        </ul>
      )}
      {diff.removed.length > 0 && (
        <ul className="compare-rows">
          {diff.removed.map((row) => (
            <li key={row.id} className="compare-row removed" data-testid="compare-removed-row" {...ids(row.id)}>
              <div className="compare-row-title">
                <span className="change-tag removed">Removed</span>
                <s>{label(row) || 'Untitled'}</s>
              </div>
              {describe && <p className="compare-row-meta">{describe(row)}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
