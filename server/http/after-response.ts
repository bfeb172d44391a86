// Work whose duration must not show in the answer (whether an address has an account): it starts
// once the handler's answer has been written (setImmediate runs after the pending promise jobs that
// write it), and a failure is logged, as nobody is waiting for it.
import type { Logger } from 'pino'

export function afterResponse(log: Logger, failure: string, work: () => Promise<void>): void {
  setImmediate(() => {
    work().catch((err: Error) => log.error({ err: err.message }, failure))
  })
}
