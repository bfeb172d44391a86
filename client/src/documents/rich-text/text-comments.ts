// Highlights the words each open text thread is pinned to, and tells the page which threads are
// detached (their words deleted). Ranges are resolved from the threads' Yjs relative positions
// whenever the threads change or a change arrives from Yjs; a local edit maps them through the
// edit at once and resolves them again from Yjs right after the sync plugin has written it, so
// every page shows the same words. Decorations only: nothing here writes the document.
import { Extension } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { resolveTextAnchor, type ResolvedRange, type TextAnchor } from '../../comments/text-anchor'

export interface TextThread { id: string; anchor: TextAnchor }

export interface TextCommentsOptions {
  /** The open text threads of this field when the editor starts; later lists come by setTextThreads. */
  threads: () => TextThread[]
  /** Thread id → detached, for the threads whose place in the text is known. */
  onStatus: (detached: Map<string, boolean>) => void
  /** A highlight was clicked. */
  onActivate: (threadId: string) => void
  /** Ctrl/⌘+Alt+M: start a thread on the selection; false if there is none. */
  onStart: () => boolean
}

interface State {
  threads: TextThread[]
  /** undefined: not known yet (the Y.Doc is not rendered); null: detached. */
  ranges: Map<string, ResolvedRange | undefined>
  decorations: DecorationSet
  /** Mapped through a local edit; to be resolved again from Yjs. */
  stale: boolean
}

type Meta = { threads: TextThread[] } | { resolve: true }

export const textCommentsKey = new PluginKey<State>('textComments')

/** The open thread whose words are at a position (the narrowest, if several), or null. */
export function threadAt(state: EditorState, pos: number): string | null {
  let best: { id: string; size: number } | null = null
  for (const [id, range] of textCommentsKey.getState(state)?.ranges ?? []) {
    if (range && range.from <= pos && pos <= range.to && (!best || range.to - range.from < best.size)) best = { id, size: range.to - range.from }
  }
  return best?.id ?? null
}

/** Gives the editor's highlighter a new list of threads. */
export function setTextThreads(tr: Transaction, threads: TextThread[]): Transaction {
  return tr.setMeta(textCommentsKey, { threads } satisfies Meta)
}

function build(state: EditorState, threads: TextThread[], ranges: Map<string, ResolvedRange | undefined>, stale: boolean): State {
  const decorations = DecorationSet.create(state.doc, threads.flatMap(({ id }) => {
    const range = ranges.get(id)
    return range ? [Decoration.inline(range.from, range.to, { class: 'text-comment', 'data-thread-id': id, 'data-testid': 'text-comment-highlight' })] : []
  }))
  return { threads, ranges, decorations, stale }
}

function resolveAll(state: EditorState, threads: TextThread[]): State {
  return build(state, threads, new Map(threads.map((t) => [t.id, resolveTextAnchor(state, t.anchor)])), false)
}

export const TextComments = Extension.create<TextCommentsOptions>({
  name: 'textComments',

  addKeyboardShortcuts() {
    return { 'Mod-Alt-m': () => this.options.onStart() }
  },

  addProseMirrorPlugins() {
    const options = this.options
    let lastReported = ''
    return [
      new Plugin<State>({
        key: textCommentsKey,
        state: {
          init: (_config, state) => resolveAll(state, options.threads()),
          apply(tr, previous, _oldState, state) {
            const meta = tr.getMeta(textCommentsKey) as Meta | undefined
            if (meta) return resolveAll(state, 'threads' in meta ? meta.threads : previous.threads)
            if (isChangeOrigin(tr)) return resolveAll(state, previous.threads)
            if (!tr.docChanged) return previous
            // A local edit: Yjs is written after this, in the sync plugin's view update.
            const ranges = new Map<string, ResolvedRange | undefined>()
            for (const [id, range] of previous.ranges) {
              if (!range) { ranges.set(id, range); continue }
              const from = tr.mapping.map(range.from, -1)
              const to = tr.mapping.map(range.to, -1)
              ranges.set(id, from < to ? { from, to } : null)
            }
            return build(state, previous.threads, ranges, true)
          },
        },
        props: {
          decorations: (state) => textCommentsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const id = threadAt(view.state, pos)
            if (id) options.onActivate(id)
            return false // the click still places the caret or selection
          },
        },
        view: () => {
          let resolving = false
          return {
            update(view) {
              const current = textCommentsKey.getState(view.state)
              if (!current) return
              if (current.stale && !resolving) {
                resolving = true
                queueMicrotask(() => {
                  resolving = false
                  if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(textCommentsKey, { resolve: true } satisfies Meta))
                })
              }
              const detached = new Map<string, boolean>()
              for (const [id, range] of current.ranges) if (range !== undefined) detached.set(id, range === null)
              const signature = JSON.stringify([...detached])
              if (signature !== lastReported) {
                lastReported = signature
                options.onStatus(detached)
              }
            },
          }
        },
      }),
    ]
  },
})
