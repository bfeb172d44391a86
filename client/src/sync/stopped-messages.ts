// What a person reads once a document's sync has stopped for good: one set of words for the
// document page and the meeting stage alike.
import type { StopReason } from './connection-state'

/** The alert above the document: why syncing stopped, and what can be done. */
export const STOPPED_MESSAGES: Record<StopReason, string> = {
  archived: 'This document has been archived, so live editing has stopped. An owner or editor can unarchive it from the workspace.',
  forbidden: 'You no longer have access to this document.',
  'not-found': 'This document does not exist, or you do not have access to it.',
  damaged: 'This document can’t be opened: its stored history is damaged. Nothing has been changed. Ask your workspace owner or operator to restore it from a backup.',
  rejected: 'The server refused a change from this page, so live sync has stopped. Reload the page to continue.',
  'signed-out': 'You have been signed out. Sign in again to continue.',
}

/**
 * In place of the body when syncing stopped before the document ever arrived: an empty table with
 * zero totals or a blank editor would look like lost content.
 */
export const NOT_RECEIVED_MESSAGES: Record<StopReason, string> = {
  archived: 'The contents are not shown while the document is archived.',
  forbidden: 'The contents are not shown because you have no access to this document.',
  'not-found': 'There are no contents to show.',
  damaged: 'The contents are not shown while the stored history is damaged.',
  rejected: 'The contents could not be loaded. Reload the page to try again.',
  'signed-out': 'The contents are not shown until you sign in again.',
}
