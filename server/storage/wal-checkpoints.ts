// Starts and stops the checkpoint thread (checkpoint-worker.mjs) of an embedded database file.
import { Worker } from 'node:worker_threads'

// Next to this file, from source and in the bundle (dist/server/checkpoint-worker.mjs) alike.
const WORKER_URL = new URL('./checkpoint-worker.mjs', import.meta.url)

export interface WalCheckpoints { stop(): Promise<void> }

/** A thread that fails (the file vanished, a fault) is logged and started again after `everyMs`, so the WAL never grows unchecked. */
export function startWalCheckpoints(filePath: string, everyMs: number, onError: (err: Error) => void): WalCheckpoints {
  let worker: Worker | null = null
  let restart: NodeJS.Timeout | null = null
  let stopped = false
  const failed = (err: Error) => {
    onError(err)
    worker = null
    if (!stopped) restart = setTimeout(start, everyMs).unref()
  }
  const start = () => {
    restart = null
    let w: Worker
    try {
      w = new Worker(WORKER_URL, { workerData: { filePath, everyMs } })
    } catch (err) {
      // E.g. no file descriptors left: thrown from a timer it would end the process.
      failed(err as Error)
      return
    }
    w.unref()
    w.on('error', (err) => {
      if (stopped) return // e.g. the file was removed right after closing, before the thread opened it
      failed(err)
    })
    worker = w
  }
  start()
  return {
    async stop() {
      stopped = true
      if (restart) clearTimeout(restart)
      const w = worker
      if (!w) return
      const exited = new Promise((resolve) => w.once('exit', resolve))
      w.postMessage('stop')
      await exited
    },
  }
}
