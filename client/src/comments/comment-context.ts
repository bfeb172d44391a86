// What a document body needs of the comments: how many open threads a record has, and a way to start
// one on it. Provided by the document page; absent elsewhere (meeting room, version viewer), where
// record comment buttons do not show.
import { createContext, useContext } from 'react'

export interface RecordTarget { recordId: string; label: string }

export interface DocumentComments {
  openOnRecord(recordId: string): number
  startOnRecord(target: RecordTarget): void
}

export const DocumentCommentsContext = createContext<DocumentComments | null>(null)

export const useDocumentComments = () => useContext(DocumentCommentsContext)
