// Inline confirmation before removing a row (undo is still available afterwards).
export function ConfirmDelete({ what, onConfirm, onCancel }: { what: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div className="confirm-delete" role="alertdialog" aria-label={`Delete ${what}?`}>
      <span>Delete <strong>{what || 'this row'}</strong>? You can undo this.</span>
      <button type="button" className="button small danger-solid" onClick={onConfirm} autoFocus data-testid="confirm-delete">Delete</button>
      <button type="button" className="button small subtle" onClick={onCancel}>Cancel</button>
    </div>
  )
}
