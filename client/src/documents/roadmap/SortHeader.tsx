// A sortable column header (click: ascending → descending → document order).
import { nextSort, type SortKey, type SortState } from './roadmap-view'

interface Props {
  column: SortKey
  label: string
  numeric?: boolean
  hint?: string
  className?: string
  sort: SortState
  onSort: (sort: SortState) => void
}

export function SortHeader({ column, label, numeric, hint, className, sort, onSort }: Props) {
  const active = sort.key === column
  const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'
  return (
    <th aria-sort={ariaSort} className={[numeric ? 'numeric' : '', className ?? ''].join(' ').trim() || undefined} title={hint}>
      <button type="button" className={`sort-button ${active ? 'active' : ''}`} onClick={() => onSort(nextSort(sort, column))}>
        {label}
        <span className="sort-mark" aria-hidden="true">{active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  )
}
