// "Make action" in the meeting notes: the title an action gets from the notes editor, the selected
// text, or with nothing selected the paragraph or list item the caret is in.
import type { EditorState } from '@tiptap/pm/state'

/** As long as an action's title may be (the create-action form's limit). */
export const ACTION_TITLE_MAX = 300

export function actionTitleFromNotes(state: EditorState): string {
  const { from, to, empty, $from } = state.selection
  const text = empty ? $from.parent.textContent : state.doc.textBetween(from, to, ' ', ' ')
  return text.replace(/\s+/g, ' ').trim().slice(0, ACTION_TITLE_MAX)
}
