// Stands in for the rows of a windowed table that are not rendered, at their height (useRowWindow).
export function WindowGap({ height, columns }: { height: number; columns: number }) {
  return (
    <tbody className="window-gap" aria-hidden="true">
      <tr>
        <td colSpan={columns} style={{ height }} />
      </tr>
    </tbody>
  )
}
