// Tiptap and ProseMirror are the largest part of the client's JavaScript, and a table needs them
// only once a row's detail is opened: these wrappers load the editor chunk on first render.
import { lazy, Suspense, type ComponentProps } from 'react'
import type { OptionalRichTextField as Optional, RichTextFieldProps } from './RichTextField'

const LoadedField = lazy(() => import('./RichTextField').then((m) => ({ default: m.RichTextField })))
const LoadedOptional = lazy(() => import('./RichTextField').then((m) => ({ default: m.OptionalRichTextField })))

/** Same box as the editor's, so nothing moves when it arrives. */
function EditorLoading({ heading }: { heading?: string }) {
  return (
    <div className="rich-field-block" aria-busy="true">
      {heading && <div className="rich-field-head"><span className="detail-label">{heading}</span></div>}
      <p className="rich-field-empty muted">Loading editor…</p>
    </div>
  )
}

export function LazyRichTextField(props: RichTextFieldProps) {
  return (
    <Suspense fallback={<EditorLoading heading={props.heading} />}>
      <LoadedField {...props} />
    </Suspense>
  )
}

export function LazyOptionalRichTextField(props: ComponentProps<typeof Optional>) {
  return (
    <Suspense fallback={<EditorLoading heading={props.heading} />}>
      <LoadedOptional {...props} />
    </Suspense>
  )
}
