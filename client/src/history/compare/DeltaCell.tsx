import { direction } from './format'

/** Two cells: before → after (just the value when unchanged), and the signed delta coloured. */
export function DeltaCells({ before, after, delta, format }: { before: number; after: number; delta: number; format: (n: number, signed?: boolean) => string }) {
  const dir = direction(delta)
  return (
    <>
      <td className={`delta-values ${dir !== 'none' ? 'moved' : ''}`}>
        {dir !== 'none' && (
          <>
            <span className="before">{format(before)}</span>
            <span className="arrow" aria-hidden="true">→</span>
          </>
        )}
        <span className="after">{format(after)}</span>
      </td>
      <td className={`delta delta-${dir}`} data-testid="delta">
        {dir === 'none' ? '±0' : format(delta, true).replace('-', '−')}
      </td>
    </>
  )
}
