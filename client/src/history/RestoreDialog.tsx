// "Restore this version?": restoring is a forward change everyone sees live.
import { api } from '../api'
import { ConfirmDialog } from '../components/ConfirmDialog'

interface Props {
  documentId: string
  version: number
  label: string
  onClose: () => void
  onRestored: () => void
}

export function RestoreDialog({ documentId, version, label, onClose, onRestored }: Props) {
  return (
    <ConfirmDialog
      title={`Restore v${version}?`} confirmLabel="Restore" busyLabel="Restoring…" testId="restore-dialog" confirmTestId="restore-confirm"
      onClose={onClose}
      onConfirm={async () => {
        await api.restoreVersion(documentId, version)
        onRestored()
      }}
    >
      The live document will be set back to “{label}”. Everyone editing sees the change at once. The current state stays in the
      history, and the restore is saved as a new version.
    </ConfirmDialog>
  )
}
