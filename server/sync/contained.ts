// A timer's callback runs outside any request or promise: a synchronous throw there is an
// uncaughtException, which ends the process and every meeting with it. Contained, the fault is
// logged loudly and `onFault` (e.g. dropping the one room it was for) runs instead.
export interface FaultLog { error(obj: object, msg: string): void }

export function contained(log: FaultLog, what: string, fn: () => void, onFault?: (err: Error) => void): () => void {
  return () => {
    try {
      fn()
    } catch (thrown) {
      const err = thrown instanceof Error ? thrown : new Error(String(thrown))
      log.error({ err: err.message, stack: err.stack }, `${what} failed; the server keeps running`)
      try {
        onFault?.(err)
      } catch (again) {
        log.error({ err: (again as Error).message }, `${what}: containing the fault failed too`)
      }
    }
  }
}
