// What every editable table row (initiative, vendor, risk) receives from its table: the document,
// the person's undoable writer, and the expand / delete-confirmation / highlight state.
import type * as Y from 'yjs'
import type { BoardBaseline } from './useBoardBaseline'
import type { LocalUndo } from './useLocalUndo'

export interface EditableRowProps {
  ydoc: Y.Doc
  canWrite: boolean
  write: LocalUndo['write']
  expanded: boolean
  onToggle: () => void
  confirming: boolean
  onAskDelete: () => void
  onCancelDelete: () => void
  onDelete: () => void
  autoFocus: boolean
  /** The "changed since board" badge's text, when this row changed since then. */
  baseline: Pick<BoardBaseline, 'label' | 'createdAt'> | null
  highlighted: boolean
}
