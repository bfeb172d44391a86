// A collaborative rich-text body (notes): Tiptap bound to the Y.Doc's root "body" XmlFragment,
// with everyone's caret labelled with their name and colour (none when rendering a saved version).
import { getBodyFragment } from '../../../shared/documents/rich-text'
import type { DocumentBodyProps } from './document-body'
import { RichTextField } from './rich-text/RichTextField'

export function RichTextDocument({ ydoc, provider, canWrite, user }: DocumentBodyProps) {
  return (
    <RichTextField
      fragment={getBodyFragment(ydoc)}
      provider={provider}
      user={user}
      canWrite={canWrite}
      label="Document body"
      variant="body"
      commentPlace={{ field: 'body' }}
    />
  )
}
