// Whether the page is showing the document more than a second late (see render-lag.ts). Cheap:
// one listener on the Y.Doc, at most one frame callback outstanding, a 250 ms timer, and React
// state that changes only when the answer does.
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { RenderLag } from './render-lag'

const PROBE_MS = 250

export function useRenderLag(ydoc: Y.Doc | null, provider: WebsocketProvider | null): boolean {
  const [behind, setBehind] = useState(false)
  useEffect(() => {
    if (!ydoc || !provider) return
    const lag = new RenderLag()
    let frame = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const visible = () => document.visibilityState === 'visible'
    const check = () => setBehind(visible() && lag.isBehind(performance.now()))
    const probe = () => {
      lag.probeRan()
      check()
      lag.probeScheduled(performance.now() + PROBE_MS)
      timer = setTimeout(probe, PROBE_MS)
    }
    // The provider applies what the server sends with itself as origin; anything else is local.
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider || !visible()) return
      lag.remoteUpdate(performance.now())
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; lag.rendered() })
      if (lag.isBehind(performance.now())) setBehind(true)
    }
    const onVisibility = () => { lag.reset(); check() }
    ydoc.on('update', onUpdate)
    document.addEventListener('visibilitychange', onVisibility)
    probe()
    return () => {
      ydoc.off('update', onUpdate)
      document.removeEventListener('visibilitychange', onVisibility)
      clearTimeout(timer)
      cancelAnimationFrame(frame)
      setBehind(false)
    }
  }, [ydoc, provider])
  return behind
}
